import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { Announcement } from './detection/announcement.entity.js';
import { BacklogSnapshot } from './measures/backlog-snapshot.entity.js';
import { ScreeningResult } from './measures/screening-result.entity.js';
import { TreatmentBaseline } from './measures/treatment-baseline.entity.js';
import { PerformanceSchema1795248323540 } from './migrations/1795248323540-performance-schema.js';
import { ReferenceData1795248323541 } from './migrations/1795248323541-reference-data.js';
import { OtherMeasures1795249131376 } from './migrations/1795249131376-other-measures.js';
import { ImportCountsByStandardAndPeriod1796440825360 } from './migrations/1796440825360-import-counts-by-standard-and-period.js';
import { BowelScreeningThresholds1796441500000 } from './migrations/1796441500000-bowel-screening-thresholds.js';
import { PhsCancerTypes1796441885641 } from './migrations/1796441885641-phs-cancer-types.js';
import { HealthBoards1796443108486 } from './migrations/1796443108486-health-boards.js';
import { ImportSkippedRows1796444607315 } from './migrations/1796444607315-import-skipped-rows.js';
import { ScreeningUptakeAndCoverage1796505836027 } from './migrations/1796505836027-screening-uptake-and-coverage.js';
import { AllianceRef } from './reference/alliance-ref.entity.js';
import { CancerType } from './reference/cancer-type.entity.js';
import { HealthBoard } from './reference/health-board.entity.js';
import { Provider } from './reference/provider.entity.js';
import { SiteBody } from './reference/site-body.entity.js';
import { Standard } from './standards/standard.entity.js';
import { Target } from './standards/target.entity.js';
import { Trajectory } from './standards/trajectory.entity.js';
import { AlliancePolicy } from './standards/alliance-policy.entity.js';
import { TargetsModel1795300000000 } from './migrations/1795300000000-targets-model.js';
import { ImportRun } from './submissions/import-run.entity.js';
import { Submission } from './submissions/submission.entity.js';

/** The performance schema: its entities and the migrations that build it, in order. */
export const performanceEntities = [
  ...messagingEntities,
  AllianceRef,
  Provider,
  CancerType,
  HealthBoard,
  SiteBody,
  Standard,
  Target,
  Trajectory,
  AlliancePolicy,
  Submission,
  ImportRun,
  Announcement,
  ScreeningResult,
  TreatmentBaseline,
  BacklogSnapshot,
];

export const performanceMigrations = [
  ...messagingMigrations,
  PerformanceSchema1795248323540,
  ReferenceData1795248323541,
  OtherMeasures1795249131376,
  TargetsModel1795300000000,
  ImportCountsByStandardAndPeriod1796440825360,
  BowelScreeningThresholds1796441500000,
  PhsCancerTypes1796441885641,
  HealthBoards1796443108486,
  ImportSkippedRows1796444607315,
  ScreeningUptakeAndCoverage1796505836027,
];

/** What to tell a client when one of the schema's constraints refuses a write. */
export const performanceConstraintMessages: ConstraintMessages = {
  screening_result_programme_check: 'programme must be bowel, breast or cervical',
  screening_result_measure_check: 'measure must be uptake or coverage',
  screening_result_age_band_check: 'ageBand is for cervical coverage only, and required for it',
  screening_result_look_back_check: 'lookBackYears is for coverage only, and required for it',
  screening_result_period_check: 'period must be the first day of a month',
  screening_result_counts_check: 'eligible must be above 0, and screened from 0 to eligible',
  treatment_baseline_month_check: 'month must be from 1 to 12',
  treatment_baseline_volume_check: 'volume must not be negative',
  backlog_snapshot_sunday_check: 'weekEnding must be a Sunday',
  backlog_snapshot_counts_check: 'a backlog count must not be negative',
  target_no_overlap_excl:
    'A target for this measure and scope is already in force for part of that span',
  target_span_check: 'effectiveTo must not be before effectiveFrom',
  target_value_check: 'A target is a share above 0 and at most 1, with lower not above it',
  submission_row_key: 'The same row was submitted twice',
  trajectory_no_overlap_excl:
    'A trajectory for this measure and scope already runs for part of those months',
  trajectory_span_check: 'reachBy must not be before startsOn',
  trajectory_value_check: 'A trajectory value is a share above 0 and at most 1',
};
