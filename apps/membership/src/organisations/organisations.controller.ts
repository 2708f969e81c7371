import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Page, Roles } from '#platform';
import {
  ListOrganisationsQuery,
  RegisterOrganisationDto,
  UpdateOrganisationDto,
} from './organisations.dto.js';
import type { Organisation } from './organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(@Inject(OrganisationsService) private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('admin')
  register(@Body() dto: RegisterOrganisationDto): Promise<Organisation> {
    return this.organisations.register(dto);
  }

  @Patch(':odsCode')
  @Roles('admin')
  update(
    @Param('odsCode') odsCode: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<Organisation> {
    return this.organisations.update(odsCode, dto);
  }

  @Get()
  @Roles('admin', 'clinician', 'service')
  list(@Query() query: ListOrganisationsQuery): Promise<Page<Organisation>> {
    return this.organisations.list(query);
  }

  @Get(':odsCode')
  @Roles('admin', 'clinician', 'service')
  get(@Param('odsCode') odsCode: string): Promise<Organisation> {
    return this.organisations.get(odsCode);
  }
}
