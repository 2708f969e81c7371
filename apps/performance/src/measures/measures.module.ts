import { Module } from '@nestjs/common';
import { BacklogController } from './backlog.controller.js';
import { BacklogService } from './backlog.service.js';
import { ScreeningController } from './screening.controller.js';
import { ScreeningService } from './screening.service.js';
import { TreatmentVolumesController } from './treatment-volumes.controller.js';
import { TreatmentVolumesService } from './treatment-volumes.service.js';

/**
 * The measures beside the waiting-time standards: screening uptake and coverage, treatment volumes against
 * the 2019/20 baseline, and the 62-day backlog. One module, not three: they are small, share
 * the upload rules of `measure-rows.ts`, and nothing outside uses them.
 */
@Module({
  controllers: [ScreeningController, TreatmentVolumesController, BacklogController],
  providers: [ScreeningService, TreatmentVolumesService, BacklogService],
})
export class MeasuresModule {}
