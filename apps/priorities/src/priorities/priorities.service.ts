import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, notFound, type Page, type PageQuery } from '#platform';
import type { AddMilestoneDto, CreatePriorityDto, SetRagDto } from './priorities.dto.js';
import { Milestone } from './milestone.entity.js';
import { Priority } from './priority.entity.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

@Injectable()
export class PrioritiesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(dto: CreatePriorityDto, setBy: string): Promise<Priority> {
    return this.dataSource.transaction(async (manager) => {
      const priority = manager.create(Priority, {
        id: randomUUID(),
        bodyId: dto.bodyId,
        programmeId: dto.programmeId ?? null,
        title: dto.title,
        source: dto.source,
        category: dto.category,
        rag: 'green',
        ragReason: 'New priority',
        ragSetBy: setBy,
        completedOn: null,
      });
      await manager.insert(Priority, priority);
      await this.events.publish(manager, 'priorities.priority-created.v1', {
        priorityId: priority.id,
        bodyId: priority.bodyId,
        programmeId: priority.programmeId,
        title: priority.title,
        source: priority.source,
        category: priority.category,
        rag: priority.rag,
      });
      return priority;
    });
  }

  /** Sets the RAG status with its reason; the same status again is no change and no event. */
  async setRag(id: string, dto: SetRagDto, setBy: string): Promise<Priority> {
    return this.dataSource.transaction(async (manager) => {
      const priority = await lock(manager, id);
      if (priority.completedOn) {
        throw new ConflictError(`The priority was completed on ${priority.completedOn}`);
      }
      if (priority.rag === dto.rag) {
        return priority;
      }
      const from = priority.rag;
      Object.assign(priority, { rag: dto.rag, ragReason: dto.reason, ragSetBy: setBy });
      await manager.save(Priority, priority);
      await this.events.publish(manager, 'priorities.rag-changed.v1', {
        priorityId: id,
        bodyId: priority.bodyId,
        from,
        to: dto.rag,
        reason: dto.reason,
        setBy,
      });
      return priority;
    });
  }

  async addMilestone(priorityId: string, dto: AddMilestoneDto): Promise<Milestone> {
    return this.dataSource.transaction(async (manager) => {
      await lock(manager, priorityId);
      const milestone = manager.create(Milestone, {
        id: randomUUID(),
        priorityId,
        title: dto.title,
        dueOn: dto.dueOn,
        status: 'pending',
        metOn: null,
      });
      await manager.insert(Milestone, milestone);
      await this.events.audit(manager, {
        action: 'priorities.milestone-added',
        changes: { ...milestone },
      });
      return milestone;
    });
  }

  async meetMilestone(milestoneId: string, on: string | undefined): Promise<Milestone> {
    return this.dataSource.transaction(async (manager) => {
      const milestone = await manager.findOne(Milestone, {
        where: { id: milestoneId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!milestone) {
        throw notFound('Milestone', milestoneId);
      }
      if (milestone.status === 'met') {
        throw new ConflictError(`The milestone was met on ${milestone.metOn}`);
      }
      milestone.status = 'met';
      milestone.metOn = on ?? this.clock.today();
      await this.events.audit(manager, {
        action: 'priorities.milestone-met',
        changes: { milestoneId, priorityId: milestone.priorityId, metOn: milestone.metOn },
      });
      return manager.save(Milestone, milestone);
    });
  }

  async complete(id: string, on: string | undefined): Promise<Priority> {
    return this.dataSource.transaction(async (manager) => {
      const priority = await lock(manager, id);
      if (priority.completedOn) {
        throw new ConflictError(`The priority was completed on ${priority.completedOn}`);
      }
      priority.completedOn = on ?? this.clock.today();
      await manager.save(Priority, priority);
      await this.events.publish(manager, 'priorities.priority-completed.v1', {
        priorityId: id,
        bodyId: priority.bodyId,
        completedOn: priority.completedOn,
      });
      return priority;
    });
  }

  /** The body owning the priority a milestone belongs to. */
  async bodyOfMilestone(milestoneId: string): Promise<string> {
    const milestone = await this.dataSource.manager.findOneBy(Milestone, { id: milestoneId });
    if (!milestone) {
      throw notFound('Milestone', milestoneId);
    }
    return (await this.get(milestone.priorityId)).bodyId;
  }

  async get(id: string): Promise<Priority & { milestones: Milestone[] }> {
    const priority = await this.dataSource.manager.findOneBy(Priority, { id });
    if (!priority) {
      throw notFound('Priority', id);
    }
    const milestones = await this.dataSource.manager.find(Milestone, {
      where: { priorityId: id },
      order: { dueOn: 'ASC' },
    });
    return { ...priority, milestones };
  }

  /** A page of the body's priorities, oldest first. */
  async forBody(bodyId: string, page: PageQuery): Promise<Page<Priority>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Priority, {
      where: { bodyId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** Marks pending milestones past their date as missed, announcing each once. */
  async markMissedMilestones(manager: EntityManager, today: string): Promise<number> {
    const missed = await manager
      .createQueryBuilder(Milestone, 'm')
      .where(`m.status = 'pending' AND m.due_on < CAST(:today AS date)`, { today })
      .orderBy('m.due_on')
      .getMany();
    for (const milestone of missed) {
      milestone.status = 'missed';
      await manager.save(Milestone, milestone);
      const priority = await manager.findOneByOrFail(Priority, { id: milestone.priorityId });
      await this.events.publish(manager, 'priorities.milestone-missed.v1', {
        priorityId: priority.id,
        bodyId: priority.bodyId,
        milestoneId: milestone.id,
        title: milestone.title,
        dueOn: milestone.dueOn,
      });
    }
    return missed.length;
  }
}

async function lock(manager: EntityManager, id: string): Promise<Priority> {
  const priority = await manager.findOne(Priority, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!priority) {
    throw notFound('Priority', id);
  }
  return priority;
}
