import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Roles, type Principal, ParseUuidPipe } from '#platform';
import { DateDto } from '../common/date.dto.js';
import { OwnerAccessService } from '../common/owner-access.service.js';
import { READERS, WRITERS } from '../common/roles.js';
import { AddMilestoneDto, CreatePriorityDto, SetRagDto } from './priorities.dto.js';
import { PrioritiesService } from './priorities.service.js';

/**
 * Clinical priorities and their milestones. Admins write for any body; otherwise the owning
 * body's current chair or clinical lead (OwnerAccessService).
 */
@ApiTags('priorities')
@Controller()
export class PrioritiesController {
  constructor(
    @Inject(PrioritiesService) private readonly priorities: PrioritiesService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('priorities')
  @Roles(...WRITERS)
  async createPriority(@Body() dto: CreatePriorityDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.priorities.create(dto, principal.sub);
  }

  @Get('priorities/:id')
  @Roles(...READERS)
  getPriority(@Param('id', ParseUuidPipe) id: string) {
    return this.priorities.get(id);
  }

  @Get('bodies/:bodyId/priorities')
  @Roles(...READERS)
  prioritiesOf(@Param('bodyId', ParseUuidPipe) bodyId: string, @Query() page: PageQuery) {
    return this.priorities.forBody(bodyId, page);
  }

  @Post('priorities/:id/rag')
  @HttpCode(200)
  @Roles(...WRITERS)
  async setRag(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SetRagDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.priorities.get(id)).bodyId);
    return this.priorities.setRag(id, dto, principal.sub);
  }

  @Post('priorities/:id/milestones')
  @Roles(...WRITERS)
  async addMilestone(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AddMilestoneDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.priorities.get(id)).bodyId);
    return this.priorities.addMilestone(id, dto);
  }

  @Post('priorities/:id/complete')
  @HttpCode(200)
  @Roles(...WRITERS)
  async complete(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DateDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.priorities.get(id)).bodyId);
    return this.priorities.complete(id, dto.on);
  }

  @Post('milestones/:id/met')
  @HttpCode(200)
  @Roles(...WRITERS)
  async meetMilestone(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DateDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, await this.priorities.bodyOfMilestone(id));
    return this.priorities.meetMilestone(id, dto.on);
  }
}
