import { Module } from '@nestjs/common';
import { BacklogController } from './backlog.controller.js';
import { BacklogService } from './backlog.service.js';
import { ScreeningUptakeController } from './screening-uptake.controller.js';
import { ScreeningUptakeService } from './screening-uptake.service.js';
import { TreatmentVolumesController } from './treatment-volumes.controller.js';
import { TreatmentVolumesService } from './treatment-volumes.service.js';

/**
 * The measures beside the waiting-time standards: screening uptake, treatment volumes against
 * the 2019/20 baseline, and the 62-day backlog. One module, not three: they are small, share
 * the upload rules of `measure-rows.ts`, and nothing outside uses them.
 */
@Module({
  controllers: [ScreeningUptakeController, TreatmentVolumesController, BacklogController],
  providers: [ScreeningUptakeService, TreatmentVolumesService, BacklogService],
})
export class MeasuresModule {}
