import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Page, type Principal, ParseUuidPipe } from '#platform';
import { AgendaService } from '../agenda/agenda.service.js';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Decision } from './decision.entity.js';
import type { ChairsAction } from '../agenda/chairs-action.entity.js';
import { ChairsActionsService } from './chairs-actions.service.js';
import { ChairsActionsQuery, RecordChairsActionDto, RecordDecisionDto } from './decisions.dto.js';
import { DecisionsService } from './decisions.service.js';

@ApiTags('meetings')
@Controller()
export class DecisionsController {
  constructor(
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
    @Inject(ChairsActionsService) private readonly chairsActions: ChairsActionsService,
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

  /** A chair's action between meetings: the body's chair or deputy, or an admin for them. */
  @Post('bodies/:bodyId/chairs-actions')
  @Roles('admin', 'clinician')
  async recordChairsAction(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Body() dto: RecordChairsActionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ChairsAction> {
    const chair = await this.access.actingChair(principal, bodyId);
    return this.chairsActions.record(bodyId, dto, chair);
  }

  @Get('bodies/:bodyId/chairs-actions')
  @Roles('admin', 'clinician', 'service')
  chairsActionsOf(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() query: ChairsActionsQuery,
  ): Promise<Page<ChairsAction>> {
    return this.chairsActions.list(bodyId, query);
  }
}
