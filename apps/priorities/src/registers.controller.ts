import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BodyView } from '#membership-view';
import { CurrentUser, invalidField, notFound, Roles, type Principal } from '#platform';
import { AuditParticipation } from './audits/audit-participation.entity.js';
import { AuditStatusDto, JoinAuditDto } from './audits/audits.dto.js';
import { OwnerAccessService } from './common/owner-access.service.js';
import { Pathway } from './pathways/pathway.entity.js';
import { CreateProgrammeDto } from './programmes/programmes.dto.js';
import { Programme } from './programmes/programme.entity.js';
import { ServiceGap } from './service-gaps/service-gap.entity.js';
import {
  ChangeWorkforceStatusDto,
  RaiseWorkforceRecommendationDto,
} from './workforce/workforce.dto.js';
import { WorkforceRecommendation } from './workforce/workforce-recommendation.entity.js';
import { WorkforceService } from './workforce/workforce.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;
const WRITERS = ['admin', 'clinician'] as const;

/** Workforce recommendations, clinical audit participation, work programmes and each body's registers. */
@ApiTags('registers')
@Controller()
export class RegistersController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkforceService) private readonly workforce: WorkforceService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('workforce-recommendations')
  @Roles(...WRITERS)
  async raiseRecommendation(
    @Body() dto: RaiseWorkforceRecommendationDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.workforce.raise(dto);
  }

  /** Endorsed, rejected, funded, implemented: in that order only (409 otherwise). */
  @Post('workforce-recommendations/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async changeRecommendationStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeWorkforceStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.workforce.get(id)).bodyId);
    return this.workforce.changeStatus(id, dto);
  }

  @Post('audits')
  @Roles(...WRITERS)
  async joinAudit(@Body() dto: JoinAuditDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    const participation = this.dataSource.manager.create(AuditParticipation, {
      id: randomUUID(),
      bodyId: dto.bodyId,
      audit: dto.audit,
      organisations: dto.organisations ?? [],
      status: 'planned',
    });
    return this.dataSource.manager.save(AuditParticipation, participation);
  }

  @Post('audits/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async auditStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AuditStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    const participation = await this.dataSource.manager.findOneBy(AuditParticipation, { id });
    if (!participation) {
      throw notFound('Audit participation', id);
    }
    await this.access.assertMayWrite(principal, participation.bodyId);
    participation.status = dto.status;
    return this.dataSource.manager.save(AuditParticipation, participation);
  }

  @Post('programmes')
  @Roles('admin')
  async createProgramme(@Body() dto: CreateProgrammeDto) {
    if (!(await this.dataSource.manager.existsBy(BodyView, { allianceId: dto.allianceId }))) {
      throw invalidField('allianceId', `No alliance ${dto.allianceId} is known from membership`);
    }
    if (dto.lastYear < dto.firstYear) {
      throw invalidField('lastYear', 'lastYear comes on or after firstYear');
    }
    if (
      await this.dataSource.manager.existsBy(Programme, {
        allianceId: dto.allianceId,
        name: dto.name,
      })
    ) {
      throw new ConflictException('The alliance already has a programme with this name');
    }
    const programme = this.dataSource.manager.create(Programme, {
      id: randomUUID(),
      ...dto,
      intendedOutcomes: dto.intendedOutcomes ?? [],
    });
    return this.dataSource.manager.save(Programme, programme);
  }

  @Get('alliances/:allianceId/programmes')
  @Roles(...READERS)
  programmes(@Param('allianceId', ParseUUIDPipe) allianceId: string) {
    return this.dataSource.manager.find(Programme, {
      where: { allianceId },
      order: { firstYear: 'ASC' },
    });
  }

  /** What a body is tracking: its service gaps, workforce recommendations, pathways and audits. */
  @Get('bodies/:bodyId/registers')
  @Roles(...READERS)
  async registers(@Param('bodyId', ParseUUIDPipe) bodyId: string) {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    const where = { bodyId };
    const [serviceGaps, workforceRecommendations, pathways, audits] = await Promise.all([
      this.dataSource.manager.find(ServiceGap, { where, order: { createdAt: 'ASC' } }),
      this.dataSource.manager.find(WorkforceRecommendation, { where, order: { createdAt: 'ASC' } }),
      this.dataSource.manager.find(Pathway, { where, order: { createdAt: 'ASC' } }),
      this.dataSource.manager.find(AuditParticipation, { where, order: { createdAt: 'ASC' } }),
    ]);
    return { serviceGaps, workforceRecommendations, pathways, audits };
  }
}
