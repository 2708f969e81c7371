import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, notFound, Roles, type Principal } from '#platform';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Action } from './action.entity.js';
import { ActionsQuery, AssignActionDto, CompleteActionDto } from './actions.dto.js';
import { ActionsService } from './actions.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

/** What a meeting leaves behind: actions with owners and due dates (its minutes: minutes/). */
@ApiTags('actions and minutes')
@Controller()
export class ActionsController {
  constructor(
    @Inject(ActionsService) private readonly actions: ActionsService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
  ) {}

  @Post('meetings/:id/actions')
  @Roles('admin', 'clinician')
  async assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignActionDto,
    @CurrentUser() principal: Principal,
  ): Promise<Action> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.actions.assign(id, dto);
  }

  @Get('meetings/:id/actions')
  @Roles(...READERS)
  forMeeting(@Param('id', ParseUUIDPipe) id: string): Promise<Action[]> {
    return this.actions.forMeeting(id);
  }

  @Get('members/:memberId/actions')
  @Roles(...READERS)
  forMember(
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Query() query: ActionsQuery,
  ): Promise<Action[]> {
    return this.actions.forMember(memberId, query.status);
  }

  /** Completed by its owner, an admin or a member of the body. */
  @Post('actions/:id/complete')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteActionDto,
    @CurrentUser() principal: Principal,
  ): Promise<Action> {
    const action = await this.actions.get(id);
    if (!action) {
      throw notFound('Action', id);
    }
    if (principal.memberId !== action.ownerMemberId) {
      await this.access.assertMayActForMeeting(principal, action.meetingId);
    }
    return this.actions.complete(id, dto);
  }
}
