import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addMonths } from '#contracts';
import { invalidField, notFound, type Page } from '#platform';
import { PerformancePublisher } from '../performance.publisher.js';
import {
  pointsProblem,
  type AmendTrajectoryDto,
  type SetTrajectoryDto,
  type TrajectoryQuery,
} from './standards.dto.js';
import { checkMeasureScope } from './measure-scope.js';
import { Trajectory } from './trajectory.entity.js';

/**
 * Planning trajectories: a nation's from the planning guidance, an alliance's own where it
 * agrees one. Spans of one measure and scope never overlap (the database refuses it, 409).
 */
@Injectable()
export class TrajectoriesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  async list(query: TrajectoryQuery): Promise<Page<Trajectory>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Trajectory, {
      where: query.measure ? { measure: query.measure } : {},
      order: { measure: 'ASC', scopeKind: 'ASC', scopeValue: 'ASC', startsOn: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async set(dto: SetTrajectoryDto, setBy: string): Promise<Trajectory> {
    if (dto.reachBy < dto.startsOn) {
      throw invalidField('reachBy', 'reachBy must not be before startsOn');
    }
    const problem = pointsProblem(dto.points ?? {}, dto.startsOn, dto.reachBy);
    if (problem) {
      throw invalidField('points', problem);
    }
    return this.dataSource.transaction(async (manager) => {
      await checkMeasureScope(manager, dto);
      // The line goes on from where the trajectory before it ends, unless told otherwise.
      const before = await manager.findOneBy(Trajectory, {
        measure: dto.measure,
        scopeKind: dto.scopeKind,
        scopeValue: dto.scopeValue,
        reachBy: `${addMonths(dto.startsOn, -1)}-01`,
      });
      const trajectory = manager.create(Trajectory, {
        id: randomUUID(),
        measure: dto.measure,
        scopeKind: dto.scopeKind,
        scopeValue: dto.scopeValue,
        startsOn: `${dto.startsOn}-01`,
        reachBy: `${dto.reachBy}-01`,
        startValue: dto.startValue ?? before?.value ?? dto.value,
        value: dto.value,
        points: dto.points ?? {},
        source: dto.source,
        confirmed: dto.confirmed ?? true,
        setBy,
      });
      await manager.insert(Trajectory, trajectory);
      await this.events.audit(manager, {
        action: 'performance.trajectory-set',
        changes: { ...trajectory },
      });
      return trajectory;
    });
  }

  async amend(id: string, dto: AmendTrajectoryDto): Promise<Trajectory> {
    return this.dataSource.transaction(async (manager) => {
      const trajectory = await manager.findOne(Trajectory, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!trajectory) {
        throw notFound('Trajectory', id);
      }
      if (dto.points !== undefined) {
        const problem = pointsProblem(dto.points, trajectory.startsOn, trajectory.reachBy);
        if (problem) {
          throw invalidField('points', problem);
        }
      }
      Object.assign(trajectory, dto);
      await this.events.audit(manager, {
        action: 'performance.trajectory-amended',
        changes: { trajectoryId: id, ...dto },
      });
      return manager.save(trajectory);
    });
  }
}
