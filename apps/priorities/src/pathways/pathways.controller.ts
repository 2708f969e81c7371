import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { OwnerAccessService } from '../common/owner-access.service.js';
import { READERS, WRITERS } from '../common/roles.js';
import {
  AddVersionDto,
  AdvanceVersionDto,
  CreatePathwayDto,
  PublishVersionDto,
} from './pathways.dto.js';
import { PathwaysService } from './pathways.service.js';

/** Clinical pathways and their versions; written by an admin or the owning body's chair or lead. */
@ApiTags('priorities')
@Controller()
export class PathwaysController {
  constructor(
    @Inject(PathwaysService) private readonly pathways: PathwaysService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('pathways')
  @Roles(...WRITERS)
  async createPathway(@Body() dto: CreatePathwayDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.pathways.create(dto);
  }

  @Get('pathways/:id')
  @Roles(...READERS)
  getPathway(@Param('id', ParseUuidPipe) id: string) {
    return this.pathways.get(id);
  }

  @Post('pathways/:id/versions')
  @Roles(...WRITERS)
  async addVersion(
    @Param('id', ParseUuidPipe) id: string,
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
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AdvanceVersionDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.pathways.getVersion(id)).bodyId);
    return this.pathways.advance(id, dto.status);
  }

  /** Publishes an approved version; the previous published version is superseded. */
  @Post('pathway-versions/:id/publish')
  @HttpCode(200)
  @Roles(...WRITERS)
  async publish(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: PublishVersionDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.pathways.getVersion(id)).bodyId);
    return this.pathways.publish(id, dto);
  }
}
