import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { SpecialtiesService } from './specialties.service.js';
import { AddSpecialtyDto } from './specialties.dto.js';
import type { Specialty } from './specialty.entity.js';

/** The standard list of tumour sites and cross-cutting areas, which admins may extend. */
@ApiTags('specialties')
@Controller('specialties')
export class SpecialtiesController {
  constructor(@Inject(SpecialtiesService) private readonly specialties: SpecialtiesService) {}

  // Not paged: a reference list of tumour sites and areas, a few dozen even as admins extend it.
  @Get()
  @Roles('admin', 'clinician', 'service')
  list(): Promise<Specialty[]> {
    return this.specialties.list();
  }

  @Post()
  @Roles('admin')
  add(@Body() dto: AddSpecialtyDto): Promise<Specialty> {
    return this.specialties.add(dto);
  }
}
