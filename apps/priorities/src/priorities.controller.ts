import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock, CurrentUser, Roles, type Principal } from '#platform';
import {
  PrioritiesDailyCheckService,
  type PrioritiesCheckResult,
} from './daily-check/priorities-daily-check.service.js';
import { OwnerAccessService } from './common/owner-access.service.js';
import {
  AddVersionDto,
  AdvanceVersionDto,
  CreatePathwayDto,
  PublishVersionDto,
} from './pathways/pathways.dto.js';
import { PathwaysService } from './pathways/pathways.service.js';
import {
  AddMilestoneDto,
  CreatePriorityDto,
  DateDto,
  SetRagDto,
} from './priorities/priorities.dto.js';
import { PrioritiesService } from './priorities/priorities.service.js';
import { GapStatusDto, RaiseGapDto, RescoreDto } from './service-gaps/service-gaps.dto.js';
import { ServiceGapsService } from './service-gaps/service-gaps.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;
const WRITERS = ['admin', 'clinician'] as const;

/**
 * Priorities, service gaps and pathways. Admins write for any body; otherwise the owning
 * body's current chair or clinical lead (OwnerAccessService).
 */
@ApiTags('priorities')
@Controller()
export class PrioritiesController {
  constructor(
    @Inject(PrioritiesService) private readonly priorities: PrioritiesService,
    @Inject(ServiceGapsService) private readonly gaps: ServiceGapsService,
    @Inject(PathwaysService) private readonly pathways: PathwaysService,
    @Inject(PrioritiesDailyCheckService) private readonly daily: PrioritiesDailyCheckService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post('priorities')
  @Roles(...WRITERS)
  async createPriority(@Body() dto: CreatePriorityDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.priorities.create(dto, principal.sub);
  }

  @Get('priorities/:id')
  @Roles(...READERS)
  getPriority(@Param('id', ParseUUIDPipe) id: string) {
    return this.priorities.get(id);
  }

  @Get('bodies/:bodyId/priorities')
  @Roles(...READERS)
  prioritiesOf(@Param('bodyId', ParseUUIDPipe) bodyId: string) {
    return this.priorities.forBody(bodyId);
  }

  @Post('priorities/:id/rag')
  @HttpCode(200)
  @Roles(...WRITERS)
  async setRag(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetRagDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.priorities.get(id)).bodyId);
    return this.priorities.setRag(id, dto, principal.sub);
  }

  @Post('priorities/:id/milestones')
  @Roles(...WRITERS)
  async addMilestone(
    @Param('id', ParseUUIDPipe) id: string,
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
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DateDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.priorities.get(id)).bodyId);
    return this.priorities.complete(id, dto.on);
  }

  @Post('milestones/:id/met')
  @HttpCode(200)
  @Roles('admin')
  meetMilestone(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DateDto) {
    return this.priorities.meetMilestone(id, dto.on);
  }

  @Post('service-gaps')
  @Roles(...WRITERS)
  async raiseGap(@Body() dto: RaiseGapDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.gaps.raise(dto);
  }

  @Get('service-gaps/:id')
  @Roles(...READERS)
  getGap(@Param('id', ParseUUIDPipe) id: string) {
    return this.gaps.get(id);
  }

  @Post('service-gaps/:id/rescore')
  @HttpCode(200)
  @Roles(...WRITERS)
  async rescore(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescoreDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.gaps.get(id)).bodyId);
    return this.gaps.rescore(id, dto);
  }

  @Post('pathways')
  @Roles(...WRITERS)
  async createPathway(@Body() dto: CreatePathwayDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.pathways.create(dto);
  }

  @Get('pathways/:id')
  @Roles(...READERS)
  getPathway(@Param('id', ParseUUIDPipe) id: string) {
    return this.pathways.get(id);
  }

  @Post('pathways/:id/versions')
  @Roles(...WRITERS)
  async addVersion(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddVersionDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.pathways.get(id)).bodyId);
    return this.pathways.addVersion(id, dto);
  }

  @Post('pathway-versions/:id/advance')
  @HttpCode(200)
  @Roles(...WRITERS)
  async advance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AdvanceVersionDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.pathways.getVersion(id)).bodyId);
    return this.pathways.advance(id, dto.status);
  }

  @Post('service-gaps/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async gapStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GapStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.gaps.get(id)).bodyId);
    return this.gaps.setStatus(id, dto.status);
  }

  /** Publishes an approved version; the previous published version is superseded. */
  @Post('pathway-versions/:id/publish')
  @HttpCode(200)
  @Roles(...WRITERS)
  async publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishVersionDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.pathways.getVersion(id)).bodyId);
    return this.pathways.publish(id, dto);
  }

  /** Runs the daily check now (it also runs on its schedule); running it twice changes nothing. */
  @Post('admin/daily-check')
  @HttpCode(200)
  @Roles('admin')
  dailyCheck(@Body() dto: DateDto): Promise<PrioritiesCheckResult> {
    return this.daily.run(dto.on ?? this.clock.today());
  }
}
