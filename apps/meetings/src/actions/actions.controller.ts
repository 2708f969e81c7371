import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  notFound,
  PageQuery,
  RefusedError,
  Roles,
  type Principal,
  ParseUuidPipe,
  type Page,
} from '#platform';
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
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AssignActionDto,
    @CurrentUser() principal: Principal,
  ): Promise<Action> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.actions.assign(id, dto);
  }

  /** All of a meeting's actions to the officers of its body and admins; to anyone else, their own. */
  @Get('meetings/:id/actions')
  @Roles(...READERS)
  async forMeeting(
    @Param('id', ParseUuidPipe) id: string,
    @Query() page: PageQuery,
    @CurrentUser() principal: Principal,
  ): Promise<Page<Action>> {
    if (await this.access.mayReadAllOfMeeting(principal, id)) {
      return this.actions.forMeeting(id, page);
    }
    return principal.memberId
      ? this.actions.forMeeting(id, page, principal.memberId)
      : { items: [], total: 0, limit: page.limit, offset: page.offset };
  }

  /**
   * A member's actions: all of them to the member, admins and services; to the chair, deputy
   * chair or secretariat of a body, those the member owes that body; to no one else.
   */
  @Get('members/:memberId/actions')
  @Roles(...READERS)
  async forMember(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @Query() query: ActionsQuery,
    @CurrentUser() principal: Principal,
  ): Promise<Page<Action>> {
    const everyBody =
      principal.memberId === memberId ||
      principal.roles.includes('admin') ||
      principal.roles.includes('service');
    if (everyBody) {
      return this.actions.forMember(memberId, query);
    }
    const bodies = await this.access.bodiesRunBy(principal);
    if (bodies.length === 0) {
      throw new RefusedError(
        "A member reads their own actions; another member's are read by the officers of their bodies and admins",
      );
    }
    return this.actions.forMember(memberId, query, bodies);
  }

  /** Completed by its owner, an admin or a member of the body. */
  @Post('actions/:id/complete')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async complete(
    @Param('id', ParseUuidPipe) id: string,
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
