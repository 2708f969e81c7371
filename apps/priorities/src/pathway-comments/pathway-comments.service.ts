import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BodyView, SeatAccessService, type Seat } from '#membership-view';
import {
  actorOf,
  Clock,
  ConflictError,
  notFound,
  type Page,
  type PageQuery,
  type Principal,
} from '#platform';
import { PathwayVersion } from '../pathways/pathway-version.entity.js';
import { Pathway } from '../pathways/pathway.entity.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';
import { PathwayComment } from './pathway-comment.entity.js';
import type {
  CommentReceivedDto,
  PathwayCommentDto,
  PostCommentDto,
} from './pathway-comments.dto.js';
import { PublicPathwaysService } from './public-pathways.service.js';

/** Who reads a body's pathway comments, besides admins: those who run its pathways' reviews. */
export const COMMENT_READERS: readonly Seat['role'][] = ['chair', 'clinical-lead', 'secretariat'];

/**
 * Comments on pathways in consultation: taken from anyone, read by the owning body's chair,
 * clinical lead or secretariat (or an admin), never published. The audit log records that a
 * comment came in and who marked it read, never what it says or who wrote it.
 */
@Injectable()
export class PathwayCommentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
    @Inject(PublicPathwaysService) private readonly pathways: PublicPathwaysService,
  ) {}

  async receive(versionId: string, dto: PostCommentDto): Promise<CommentReceivedDto> {
    return this.dataSource.transaction(async (manager) => {
      // Locked so the version cannot leave consultation before the comment is in.
      const { version, pathway } = await this.pathways.find(manager, versionId, true);
      if (version.status !== 'consultation') {
        throw new ConflictError('This pathway is not open for comments');
      }
      const comment: PathwayComment = {
        id: randomUUID(),
        pathwayId: pathway.id,
        pathwayVersionId: version.id,
        bodyId: pathway.bodyId,
        relationship: dto.relationship,
        comment: dto.comment,
        name: dto.name ?? null,
        email: dto.email ?? null,
        receivedAt: this.clock.now(),
        readAt: null,
        readBy: null,
      };
      await manager.insert(PathwayComment, comment);
      await this.events.audit(manager, {
        action: 'priorities.pathway-comment-received',
        changes: {
          id: comment.id,
          pathwayId: comment.pathwayId,
          versionId: comment.pathwayVersionId,
          bodyId: comment.bodyId,
          relationship: comment.relationship,
        },
      });
      return { id: comment.id, receivedAt: comment.receivedAt };
    });
  }

  /** A body's comments, newest first, to an admin or its chair, clinical lead or secretariat. */
  async forBody(
    principal: Principal,
    bodyId: string,
    page: PageQuery,
  ): Promise<Page<PathwayCommentDto>> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    await this.assertMayRead(principal, bodyId);
    const [comments, total] = await this.dataSource.manager.findAndCount(PathwayComment, {
      where: { bodyId },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    const items = await this.itemsOf(this.dataSource.manager, comments);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** Marks a comment read, once: marking it again changes nothing. */
  async markRead(principal: Principal, id: string): Promise<PathwayCommentDto> {
    return this.dataSource.transaction(async (manager) => {
      const comment = await manager.findOne(PathwayComment, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!comment) {
        throw notFound('Pathway comment', id);
      }
      await this.assertMayRead(principal, comment.bodyId, manager);
      if (comment.readAt === null) {
        comment.readAt = this.clock.now();
        comment.readBy = actorOf(principal);
        await manager.update(
          PathwayComment,
          { id },
          { readAt: comment.readAt, readBy: comment.readBy },
        );
        await this.events.audit(manager, {
          action: 'priorities.pathway-comment-read',
          changes: { id, bodyId: comment.bodyId, readAt: comment.readAt },
        });
      }
      const [item] = await this.itemsOf(manager, [comment]);
      return item!;
    });
  }

  private assertMayRead(principal: Principal, bodyId: string, manager?: EntityManager) {
    return this.seats.assertMayActForBody(
      principal,
      { bodyId, on: this.clock.today(), roles: COMMENT_READERS },
      "Only an admin or the body's chair, clinical lead or secretariat may read its pathway comments",
      manager,
    );
  }

  /** The comments as read, each with its pathway's title and its version's number. */
  private async itemsOf(
    manager: EntityManager,
    comments: PathwayComment[],
  ): Promise<PathwayCommentDto[]> {
    if (comments.length === 0) {
      return [];
    }
    // One after the other: in a transaction both would queue on its one connection anyway.
    const pathways = await manager.findBy(Pathway, {
      id: In([...new Set(comments.map((c) => c.pathwayId))]),
    });
    const versions = await manager.findBy(PathwayVersion, {
      id: In([...new Set(comments.map((c) => c.pathwayVersionId))]),
    });
    const titles = new Map(pathways.map((p) => [p.id, p.title]));
    const numbers = new Map(versions.map((v) => [v.id, v.version]));
    return comments.map((c) => ({
      id: c.id,
      pathwayId: c.pathwayId,
      pathwayTitle: titles.get(c.pathwayId) ?? '',
      versionId: c.pathwayVersionId,
      version: numbers.get(c.pathwayVersionId) ?? '',
      relationship: c.relationship,
      comment: c.comment,
      name: c.name,
      email: c.email,
      receivedAt: c.receivedAt,
      readAt: c.readAt,
    }));
  }
}
