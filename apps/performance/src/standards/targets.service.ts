import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, invalidField, notFound, UnprocessableError, type Page } from '#platform';
import type {
  AmendTargetDto,
  DetectionSettingDto,
  SetTargetDto,
  TargetQuery,
} from './standards.dto.js';
import { Standard } from './standard.entity.js';
import { checkMeasureScope } from './measure-scope.js';
import { Target } from './target.entity.js';
import { PerformancePublisher } from '../performance.publisher.js';

/**
 * Targets over time. A new target for a measure and scope ends the open-ended one before it
 * the day before it starts (a planning year's new figure supersedes the last); any other
 * overlap is refused by the database's exclusion constraint (409).
 */
@Injectable()
export class TargetsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  standards(): Promise<Standard[]> {
    return this.dataSource.manager.find(Standard, { order: { code: 'ASC' } });
  }

  /** A standard's detection rules: months to breach and to recover, the minimum denominator. */
  async setDetection(code: string, dto: DetectionSettingDto): Promise<Standard> {
    const standard = await this.dataSource.manager.findOneBy(Standard, {
      code: code as Standard['code'],
    });
    if (!standard) {
      throw notFound('Standard', code);
    }
    if (
      dto.monthsToBreach === undefined &&
      dto.monthsToRecover === undefined &&
      dto.minDenominator === undefined
    ) {
      throw new UnprocessableError(
        'Give at least one of monthsToBreach, monthsToRecover or minDenominator',
      );
    }
    Object.assign(standard, dto);
    return this.dataSource.transaction(async (manager) => {
      await this.events.audit(manager, {
        action: 'performance.detection-rules-set',
        changes: { code: standard.code, ...dto },
        targets: [standard.code],
      });
      return manager.save(standard);
    });
  }

  /** A page of targets by measure, scope and start. */
  async list(query: TargetQuery): Promise<Page<Target>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(Target, 't')
      .orderBy('t.measure')
      .addOrderBy('t.scope_kind')
      .addOrderBy('t.scope_value')
      .addOrderBy('t.effective_from')
      .addOrderBy('t.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.measure) {
      builder.andWhere('t.measure = :measure', { measure: query.measure });
    }
    if (query.on) {
      builder.andWhere(
        't.effective_from <= :on AND (t.effective_to IS NULL OR t.effective_to >= :on)',
        {
          on: query.on,
        },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async set(dto: SetTargetDto, setBy: string): Promise<Target> {
    return this.dataSource.transaction(async (manager) => {
      await checkMeasureScope(manager, dto);
      if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom) {
        throw invalidField('effectiveTo', 'effectiveTo must not be before effectiveFrom');
      }
      if (dto.lower !== undefined && dto.lower > dto.value) {
        throw invalidField('lower', 'lower must not be above value');
      }
      // Serialise writers of one measure and scope, so the supersede below sees the latest.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `${dto.measure}:${dto.scopeKind}:${dto.scopeValue}`,
      ]);
      const open = await manager
        .createQueryBuilder(Target, 't')
        .where(
          't.measure = :measure AND t.scope_kind = :scopeKind AND t.scope_value = :scopeValue',
          dto,
        )
        .andWhere('t.effective_to IS NULL AND t.effective_from < :from', {
          from: dto.effectiveFrom,
        })
        .getOne();
      if (open) {
        await manager.update(
          Target,
          { id: open.id },
          { effectiveTo: addDays(dto.effectiveFrom, -1) },
        );
      }
      const target = manager.create(Target, {
        id: randomUUID(),
        measure: dto.measure,
        scopeKind: dto.scopeKind,
        scopeValue: dto.scopeValue,
        value: dto.value,
        lower: dto.lower ?? null,
        effectiveFrom: dto.effectiveFrom,
        effectiveTo: dto.effectiveTo ?? null,
        source: dto.source,
        setBy,
      });
      await manager.insert(Target, target);
      await this.events.audit(manager, {
        action: 'performance.target-set',
        changes: { ...target, supersededTargetId: open?.id ?? null },
      });
      return target;
    });
  }

  async amend(id: string, dto: AmendTargetDto): Promise<Target> {
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.findOne(Target, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!target) {
        throw notFound('Target', id);
      }
      if (dto.value !== undefined) {
        if (target.lower !== null && dto.value < target.lower) {
          throw invalidField('value', 'value must not be below the lower threshold');
        }
        target.value = dto.value;
      }
      if (dto.effectiveTo !== undefined) {
        if (dto.effectiveTo !== null && dto.effectiveTo < target.effectiveFrom) {
          throw invalidField('effectiveTo', 'effectiveTo must not be before effectiveFrom');
        }
        target.effectiveTo = dto.effectiveTo;
      }
      if (dto.source !== undefined) {
        target.source = dto.source;
      }
      await this.events.audit(manager, {
        action: 'performance.target-amended',
        changes: { targetId: id, ...dto },
      });
      return manager.save(target);
    });
  }
}
