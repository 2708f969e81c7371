import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, invalidField, notFound } from '#platform';
import type { AddVersionDto, CreatePathwayDto, PublishVersionDto } from './pathways.dto.js';
import { PathwayVersion } from './pathway-version.entity.js';
import { Pathway } from './pathway.entity.js';
import { defaultReviewDate, reviewNotice } from './review.js';
import { supersession, versionTransitionProblem } from './version-lifecycle.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

@Injectable()
export class PathwaysService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(dto: CreatePathwayDto): Promise<Pathway> {
    const pathway = this.dataSource.manager.create(Pathway, { id: randomUUID(), ...dto });
    return this.events.audited(this.dataSource, 'priorities.pathway-created', async (manager) => {
      await manager.insert(Pathway, pathway);
      return pathway;
    });
  }

  async addVersion(pathwayId: string, dto: AddVersionDto): Promise<PathwayVersion> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockPathway(manager, pathwayId);
      if (await manager.existsBy(PathwayVersion, { pathwayId, version: dto.version })) {
        throw new ConflictError(`The pathway already has a version ${dto.version}`);
      }
      const version = manager.create(PathwayVersion, {
        id: randomUUID(),
        pathwayId,
        ...dto,
        status: 'draft',
        publishedOn: null,
        reviewDueOn: null,
        reviewDueAnnouncedOn: null,
        reviewOverdueAnnouncedOn: null,
      });
      await manager.insert(PathwayVersion, version);
      await this.events.audit(manager, {
        action: 'priorities.pathway-version-added',
        changes: { ...version },
      });
      return version;
    });
  }

  /** Publishes a version, superseding the one published before it. */
  async publish(versionId: string, dto: PublishVersionDto): Promise<PathwayVersion> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(PathwayVersion, { id: versionId });
      if (!found) {
        throw notFound('Pathway version', versionId);
      }
      const pathway = await this.lockPathway(manager, found.pathwayId);
      const version = await manager.findOneByOrFail(PathwayVersion, { id: versionId });
      const problem = versionTransitionProblem(version.version, version.status, 'published');
      if (problem) {
        throw new ConflictError(problem);
      }
      const publishedOn = dto.publishedOn ?? this.clock.today();
      const reviewDueOn = dto.reviewDueOn ?? defaultReviewDate(publishedOn);
      if (reviewDueOn <= publishedOn) {
        throw invalidField('reviewDueOn', 'The review date comes after publication');
      }
      const previous = await manager.findOneBy(PathwayVersion, {
        pathwayId: pathway.id,
        status: 'published',
      });
      const { supersedesVersionId } = supersession(previous);
      if (previous) {
        previous.status = 'superseded';
        await manager.save(PathwayVersion, previous);
      }
      Object.assign(version, { status: 'published', publishedOn, reviewDueOn });
      await manager.save(PathwayVersion, version);
      await this.events.publish(manager, 'priorities.pathway-published.v1', {
        pathwayId: pathway.id,
        bodyId: pathway.bodyId,
        versionId: version.id,
        tumourSite: pathway.tumourSite,
        scope: pathway.scope,
        version: version.version,
        publishedOn,
        reviewDueOn,
        supersedesVersionId,
      });
      return version;
    });
  }

  /** Draft to consultation to approved (by clinical consensus), one step at a time. */
  async advance(versionId: string, to: 'consultation' | 'approved'): Promise<PathwayVersion> {
    return this.dataSource.transaction(async (manager) => {
      const version = await manager.findOne(PathwayVersion, {
        where: { id: versionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!version) {
        throw notFound('Pathway version', versionId);
      }
      const problem = versionTransitionProblem(version.version, version.status, to);
      if (problem) {
        throw new ConflictError(problem);
      }
      version.status = to;
      await this.events.audit(manager, {
        action: 'priorities.pathway-version-advanced',
        changes: { versionId, pathwayId: version.pathwayId, status: to },
      });
      return manager.save(PathwayVersion, version);
    });
  }

  async get(id: string): Promise<Pathway & { versions: PathwayVersion[] }> {
    const pathway = await this.dataSource.manager.findOneBy(Pathway, { id });
    if (!pathway) {
      throw notFound('Pathway', id);
    }
    const versions = await this.dataSource.manager.find(PathwayVersion, {
      where: { pathwayId: id },
      order: { createdAt: 'ASC' },
    });
    return { ...pathway, versions };
  }

  async getVersion(id: string): Promise<PathwayVersion & { bodyId: string }> {
    const version = await this.dataSource.manager.findOneBy(PathwayVersion, { id });
    if (!version) {
      throw notFound('Pathway version', id);
    }
    const pathway = await this.dataSource.manager.findOneByOrFail(Pathway, {
      id: version.pathwayId,
    });
    return { ...version, bodyId: pathway.bodyId };
  }

  forBody(bodyId: string): Promise<Pathway[]> {
    return this.dataSource.manager.find(Pathway, {
      where: { bodyId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Announces reviews falling due within `noticeDays`, and overdue ones, each once. */
  async announceReviews(
    manager: EntityManager,
    today: string,
    noticeDays: number,
  ): Promise<{ due: number; overdue: number }> {
    const published = await manager.find(PathwayVersion, { where: { status: 'published' } });
    let due = 0;
    let overdue = 0;
    for (const version of published) {
      const notice = reviewNotice(version.reviewDueOn!, today, noticeDays);
      const pathway = await manager.findOneByOrFail(Pathway, { id: version.pathwayId });
      const ref = {
        pathwayId: pathway.id,
        bodyId: pathway.bodyId,
        versionId: version.id,
        reviewDueOn: version.reviewDueOn!,
      };
      if (notice?.kind === 'due' && !version.reviewDueAnnouncedOn) {
        version.reviewDueAnnouncedOn = today;
        await manager.save(PathwayVersion, version);
        await this.events.publish(manager, 'priorities.pathway-review-due.v1', {
          ...ref,
          daysRemaining: notice.daysRemaining,
        });
        due += 1;
      } else if (notice?.kind === 'overdue' && !version.reviewOverdueAnnouncedOn) {
        version.reviewOverdueAnnouncedOn = today;
        await manager.save(PathwayVersion, version);
        await this.events.publish(manager, 'priorities.pathway-review-overdue.v1', ref);
        overdue += 1;
      }
    }
    return { due, overdue };
  }

  private async lockPathway(manager: EntityManager, id: string): Promise<Pathway> {
    const pathway = await manager.findOne(Pathway, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!pathway) {
      throw notFound('Pathway', id);
    }
    return pathway;
  }
}
