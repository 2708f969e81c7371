import type { ConstraintMessages } from '#platform';
import { BacklogSnapshot } from './backlog-snapshot.entity.js';
import { BacklogController } from './backlog.controller.js';
import { BacklogService } from './backlog.service.js';
import { ScreeningUptakeController } from './screening-uptake.controller.js';
import { ScreeningUptake } from './screening-uptake.entity.js';
import { ScreeningUptakeService } from './screening-uptake.service.js';
import { TreatmentBaseline } from './treatment-baseline.entity.js';
import { TreatmentVolumesController } from './treatment-volumes.controller.js';
import { TreatmentVolumesService } from './treatment-volumes.service.js';

/**
 * The measures beside the waiting-time standards: screening uptake, treatment volumes against
 * the 2019/20 baseline, and the 62-day backlog. The module and the schema take these lists.
 */
export const measuresEntities = [ScreeningUptake, TreatmentBaseline, BacklogSnapshot];

export const measuresProviders = [ScreeningUptakeService, TreatmentVolumesService, BacklogService];

export const measuresControllers = [
  ScreeningUptakeController,
  TreatmentVolumesController,
  BacklogController,
];

/** What to tell a client when one of these tables' checks refuses a write (merge into the service's). */
export const measuresConstraintMessages: ConstraintMessages = {
  screening_uptake_programme_check: 'programme must be bowel, breast or cervical',
  screening_uptake_period_check: 'period must be the first day of a month',
  screening_uptake_counts_check: 'eligible must be above 0, and screened from 0 to eligible',
  treatment_baseline_month_check: 'month must be from 1 to 12',
  treatment_baseline_volume_check: 'volume must not be negative',
  backlog_snapshot_sunday_check: 'weekEnding must be a Sunday',
  backlog_snapshot_counts_check: 'a backlog count must not be negative',
};
