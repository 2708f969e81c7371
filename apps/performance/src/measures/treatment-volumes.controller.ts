import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { TreatmentBaselineRowsDto, TreatmentVolumeQuery } from './treatment-volumes.dto.js';
import { TreatmentVolumesService } from './treatment-volumes.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('other measures')
@Controller()
export class TreatmentVolumesController {
  constructor(
    @Inject(TreatmentVolumesService) private readonly treatments: TreatmentVolumesService,
  ) {}

  /** Up to 5000 baseline months, all or nothing; a month already held is replaced. */
  @Put('treatment-baselines')
  @Roles('admin')
  saveBaselines(@Body() dto: TreatmentBaselineRowsDto) {
    return this.treatments.saveBaselines(dto.rows);
  }

  /** Monthly first and subsequent treatments by alliance and tumour site, against 2019/20. */
  @Get('treatment-volumes')
  @Roles(...READERS)
  volumes(@Query() query: TreatmentVolumeQuery) {
    return this.treatments.volumes(query);
  }
}
