import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PageQuery, Roles, type Page } from '#platform';
import { ParkedEvent } from './parked-event.entity.js';

/** A parked event as an admin reads it: the message as text rather than bytes. */
export interface ParkedEventView {
  readonly consumer: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
  readonly messageKey: string | null;
  readonly message: string;
  readonly messageHeaders: Record<string, string>;
  readonly reason: string;
  readonly waitsFor: string | null;
  readonly parkedAt: Date;
  readonly attempts: number;
  readonly nextRetryAt: Date;
}

/**
 * The events the service's consumer parked because what they name is not known here yet, longest
 * waiting first, for admins: each with why, what it waits for, and when it is tried next.
 */
@ApiTags('parked events')
@Controller('admin/parked-events')
export class ParkedEventsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Parked events, longest waiting first' })
  async parked(@Query() query: PageQuery): Promise<Page<ParkedEventView>> {
    const [rows, total] = await this.dataSource
      .createQueryBuilder(ParkedEvent, 'parked')
      .orderBy('parked.parkedAt', 'ASC')
      .addOrderBy('parked.eventId', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = rows.map(({ messageValue, ...row }) => ({
      ...row,
      message: messageValue.toString('utf8'),
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
