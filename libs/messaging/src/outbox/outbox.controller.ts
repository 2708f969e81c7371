import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PageQuery, ParseUuidPipe, Roles, type Page } from '#platform';
import { countParked, listParked, requeueParked, type ParkedMessage } from './outbox-parking.js';

/**
 * The service's parked outbox rows, for admins: events Kafka refused for good (too large, an
 * invalid topic), set aside so that the rest flow. Once the cause is fixed (the broker's size
 * limit raised, the topic created), an admin re-queues one and the relay sends it.
 */
@ApiTags('outbox')
@Controller('admin/outbox/parked')
export class OutboxController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Parked outbox rows, oldest first, each with its reason' })
  async parked(@Query() query: PageQuery): Promise<Page<ParkedMessage>> {
    const [items, total] = await Promise.all([
      listParked(this.dataSource, query),
      countParked(this.dataSource),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Post(':eventId/requeue')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The row is pending again; the relay sends it next' })
  @ApiNotFoundResponse({ description: 'No parked row has this event id' })
  async requeue(
    @Param('eventId', ParseUuidPipe) eventId: string,
  ): Promise<{ eventId: string; requeued: true }> {
    if (!(await requeueParked(this.dataSource, eventId))) {
      throw new NotFoundException(`No parked outbox row has event id ${eventId}`);
    }
    return { eventId, requeued: true };
  }
}
