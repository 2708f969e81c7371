import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { AgendaService } from '../agenda/agenda.service.js';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Decision } from './decision.entity.js';
import { RecordDecisionDto } from './decisions.dto.js';
import { DecisionsService } from './decisions.service.js';

@ApiTags('meetings')
@Controller()
export class DecisionsController {
  constructor(
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
  ) {}

  @Post('agenda-items/:id/decision')
  @Roles('admin', 'clinician')
  async decide(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RecordDecisionDto,
    @CurrentUser() principal: Principal,
  ): Promise<Decision> {
    const item = await this.agenda.item(id);
    const officer = await this.access.actingOfficer(principal, item.meetingId);
    return this.decisions.record(id, dto, officer);
  }
}
