import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { measuresConstraintMessages, measuresEntities } from './measures/index.js';
import { Announcement } from './detection/announcement.entity.js';
import { PerformanceSchema1795248323540 } from './migrations/1795248323540-performance-schema.js';
import { ReferenceData1795248323541 } from './migrations/1795248323541-reference-data.js';
import { OtherMeasures1795249131376 } from './migrations/1795249131376-other-measures.js';
import { AllianceRef } from './reference/alliance-ref.entity.js';
import { CancerType } from './reference/cancer-type.entity.js';
import { Provider } from './reference/provider.entity.js';
import { SiteBody } from './reference/site-body.entity.js';
import { Standard } from './standards/standard.entity.js';
import { Target } from './standards/target.entity.js';
import { ImportRun } from './submissions/import-run.entity.js';
import { Submission } from './submissions/submission.entity.js';

/** The performance schema: its entities and the migrations that build it, in order. */
export const performanceEntities = [
  ...messagingEntities,
  AllianceRef,
  Provider,
  CancerType,
  SiteBody,
  Standard,
  Target,
  Submission,
  ImportRun,
  Announcement,
  ...measuresEntities,
];

export const performanceMigrations = [
  ...messagingMigrations,
  PerformanceSchema1795248323540,
  ReferenceData1795248323541,
  OtherMeasures1795249131376,
];

export const performanceConstraintMessages: ConstraintMessages = {
  ...measuresConstraintMessages,
  target_no_overlap_excl:
    'A target for this measure and scope is already in force for part of that span',
  target_span_check: 'effectiveTo must not be before effectiveFrom',
  target_value_check: 'A target is a share above 0 and at most 1, with lower not above it',
  submission_row_key: 'The same row was submitted twice',
};
