import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, ParseUuidPipe, type Page } from '#platform';
import type { AgendaItem } from './agenda-item.entity.js';
import type { AgendaRequest } from './agenda-request.entity.js';
import { AddAgendaItemDto, AgendaRequestsQuery } from './agenda.dto.js';
import { AgendaService } from './agenda.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('meetings')
@Controller()
export class AgendaController {
  constructor(@Inject(AgendaService) private readonly agenda: AgendaService) {}

  /** Requests from other services to table something, placed or waiting for a meeting. */
  @Get('bodies/:bodyId/agenda-requests')
  @Roles(...READERS)
  agendaRequests(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() query: AgendaRequestsQuery,
  ): Promise<Page<AgendaRequest>> {
    return this.agenda.requests(bodyId, query);
  }

  // Not paged: one meeting's agenda is as long as the meeting can hear, not a growing record.
  @Get('meetings/:id/agenda')
  @Roles(...READERS)
  items(@Param('id', ParseUuidPipe) id: string): Promise<AgendaItem[]> {
    return this.agenda.items(id);
  }

  @Post('meetings/:id/agenda')
  @Roles('admin')
  addItem(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AddAgendaItemDto,
  ): Promise<AgendaItem> {
    return this.agenda.addItem(id, dto);
  }
}
