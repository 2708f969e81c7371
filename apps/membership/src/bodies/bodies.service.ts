import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Alliance } from '../alliances/alliance.entity.js';
import { Specialty } from '../specialties/specialty.entity.js';
import { Body, type TermsOfReference } from './body.entity.js';
import { bodyState } from './body-state.js';
import type { CreateBodyDto, ListBodiesQuery, UpdateBodyDto } from './bodies.dto.js';
import { parentKindOf, parentProblem, specialtyProblem } from './escalation-ladder.js';
import { ConflictError, invalidField, notFound, type Page } from '#platform';
import { MembershipPublisher } from '../membership.publisher.js';

/** Common practice in network terms of reference: chair or deputy plus a third, with a clinician. */
export const DEFAULT_TERMS_OF_REFERENCE: TermsOfReference = {
  quorum: { chairOrDeputy: true, minimumFraction: 1 / 3, requireClinician: true },
  papersDueDaysBefore: 7,
  reviewedOn: null,
};

@Injectable()
export class BodiesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
  ) {}

  async create(dto: CreateBodyDto): Promise<Body> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Alliance, { id: dto.allianceId }))) {
        throw invalidField('allianceId', `No alliance ${dto.allianceId}`);
      }
      const body = manager.create(Body, {
        id: randomUUID(),
        allianceId: dto.allianceId,
        kind: dto.kind,
        name: dto.name,
        specialtyCode: dto.specialty ?? null,
        parentBodyId: null,
        meetingCadence: dto.meetingCadence ?? 'quarterly',
        termsOfReference: {
          ...DEFAULT_TERMS_OF_REFERENCE,
          ...dto.termsOfReference,
          reviewedOn: dto.termsOfReference?.reviewedOn ?? null,
        },
        guidance: dto.guidance ?? [],
      });
      await this.checkSpecialty(manager, body);
      body.parentBodyId = await this.resolveParent(manager, body, dto.parentBodyId);
      if (await manager.existsBy(Body, { allianceId: body.allianceId, name: body.name })) {
        throw new ConflictError(`The alliance already has a body named "${body.name}"`);
      }
      const expectedKind = body.kind;
      if (
        (expectedKind === 'clinical-advisory-group' || expectedKind === 'alliance-board') &&
        (await manager.existsBy(Body, { allianceId: body.allianceId, kind: expectedKind }))
      ) {
        throw new ConflictError(
          `The alliance already has ${expectedKind === 'alliance-board' ? 'a Board' : 'a Clinical Advisory Group'}`,
        );
      }
      await manager.insert(Body, body);
      await this.events.publish(manager, 'membership.body-created.v1', bodyState(body));
      return manager.findOneByOrFail(Body, { id: body.id });
    });
  }

  async update(id: string, dto: UpdateBodyDto): Promise<Body> {
    return this.dataSource.transaction(async (manager) => {
      const body = await manager.findOne(Body, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!body) {
        throw notFound('Body', id);
      }
      if (dto.name !== undefined && dto.name !== body.name) {
        if (await manager.existsBy(Body, { allianceId: body.allianceId, name: dto.name })) {
          throw new ConflictError(`The alliance already has a body named "${dto.name}"`);
        }
        body.name = dto.name;
      }
      if (dto.specialty !== undefined) {
        body.specialtyCode = dto.specialty;
        await this.checkSpecialty(manager, body);
      }
      if (dto.parentBodyId !== undefined && dto.parentBodyId !== body.parentBodyId) {
        body.parentBodyId = await this.resolveParent(manager, body, dto.parentBodyId);
      }
      if (dto.meetingCadence !== undefined) {
        body.meetingCadence = dto.meetingCadence;
      }
      if (dto.termsOfReference !== undefined) {
        body.termsOfReference = {
          ...dto.termsOfReference,
          reviewedOn: dto.termsOfReference.reviewedOn ?? null,
        };
      }
      if (dto.guidance !== undefined) {
        body.guidance = dto.guidance;
      }
      await manager.save(Body, body);
      await this.events.publish(manager, 'membership.body-updated.v1', bodyState(body));
      return manager.findOneByOrFail(Body, { id });
    });
  }

  async get(id: string): Promise<Body> {
    const body = await this.dataSource.manager.findOneBy(Body, { id });
    if (!body) {
      throw notFound('Body', id);
    }
    return body;
  }

  async list(query: ListBodiesQuery): Promise<Page<Body>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Body, {
      where: {
        ...(query.allianceId ? { allianceId: query.allianceId } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.specialty ? { specialtyCode: query.specialty } : {}),
      },
      order: { name: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The body and every body above it, in escalation order. */
  async escalationChain(id: string): Promise<Pick<Body, 'id' | 'name' | 'kind'>[]> {
    const body = await this.get(id);
    return [body, ...(await this.ancestors(this.dataSource.manager, body.parentBodyId))].map(
      ({ id: bodyId, name, kind }) => ({
        id: bodyId,
        name,
        kind,
      }),
    );
  }

  private async checkSpecialty(manager: EntityManager, body: Body): Promise<void> {
    const specialty = body.specialtyCode
      ? await manager.findOneBy(Specialty, { code: body.specialtyCode })
      : null;
    if (body.specialtyCode && !specialty) {
      throw invalidField(
        'specialty',
        `Unknown specialty "${body.specialtyCode}": see GET /specialties`,
      );
    }
    const problem = specialtyProblem(body.kind, specialty);
    if (problem) {
      throw invalidField('specialty', problem);
    }
  }

  /** The parent asked for, or the alliance's body of the kind the ladder puts above. */
  private async resolveParent(
    manager: EntityManager,
    body: Body,
    requested: string | undefined,
  ): Promise<string | null> {
    let parent: Body | null;
    if (requested) {
      parent = await manager.findOneBy(Body, { id: requested });
      if (!parent) {
        throw invalidField('parentBodyId', `No body ${requested}`);
      }
    } else {
      const kind = parentKindOf(body.kind);
      parent = kind ? await manager.findOneBy(Body, { allianceId: body.allianceId, kind }) : null;
      if (kind && !parent) {
        throw new ConflictError(
          `The alliance has no ${kind === 'alliance-board' ? 'Board' : 'Clinical Advisory Group'} yet: create it first, so that issues have somewhere to escalate`,
        );
      }
    }
    const chain = parent
      ? (await this.ancestors(manager, parent.parentBodyId)).map((b) => b.id)
      : [];
    const problem = parentProblem(body, parent, chain);
    if (problem) {
      throw new ConflictError(problem);
    }
    return parent?.id ?? null;
  }

  private async ancestors(manager: EntityManager, firstId: string | null): Promise<Body[]> {
    const chain: Body[] = [];
    for (let id = firstId; id !== null && chain.length < 10;) {
      const body = await manager.findOneByOrFail(Body, { id });
      chain.push(body);
      id = body.parentBodyId;
    }
    return chain;
  }
}
