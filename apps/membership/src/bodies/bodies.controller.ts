import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Page, Roles, ParseUuidPipe } from '#platform';
import { BodiesService } from './bodies.service.js';
import type { Body as GovernanceBody } from './body.entity.js';
import { CreateBodyDto, ListBodiesQuery, UpdateBodyDto } from './bodies.dto.js';

@ApiTags('bodies')
@Controller('bodies')
export class BodiesController {
  constructor(@Inject(BodiesService) private readonly bodies: BodiesService) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateBodyDto): Promise<GovernanceBody> {
    return this.bodies.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateBodyDto,
  ): Promise<GovernanceBody> {
    return this.bodies.update(id, dto);
  }

  @Get()
  @Roles('admin', 'clinician', 'service')
  list(@Query() query: ListBodiesQuery): Promise<Page<GovernanceBody>> {
    return this.bodies.list(query);
  }

  @Get(':id')
  @Roles('admin', 'clinician', 'service')
  get(@Param('id', ParseUuidPipe) id: string): Promise<GovernanceBody> {
    return this.bodies.get(id);
  }

  /** The body and each body an issue goes to above it: group, CAG, Board. */
  @Get(':id/escalation-chain')
  @Roles('admin', 'clinician', 'service')
  escalationChain(
    @Param('id', ParseUuidPipe) id: string,
  ): Promise<Pick<GovernanceBody, 'id' | 'name' | 'kind'>[]> {
    return this.bodies.escalationChain(id);
  }
}
