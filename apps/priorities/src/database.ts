import { membershipViewEntities, membershipViewMigrations } from '#membership-view';
import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { PrioritiesSchema1795245775752 } from './migrations/1795245775752-priorities-schema.js';
import { WorkforceAndAudits1795246052704 } from './migrations/1795246052704-workforce-and-audits.js';
import { PathwayComments1796426864338 } from './migrations/1796426864338-pathway-comments.js';
import { QualityStandards1796440920444 } from './migrations/1796440920444-quality-standards.js';
import { QualityMeasuresReferenceData1796440920445 } from './migrations/1796440920445-quality-measures-reference-data.js';
import { PathwayComment } from './pathway-comments/pathway-comment.entity.js';
import { PathwayVersion } from './pathways/pathway-version.entity.js';
import { Pathway } from './pathways/pathway.entity.js';
import { Milestone } from './priorities/milestone.entity.js';
import { Priority } from './priorities/priority.entity.js';
import { Programme } from './programmes/programme.entity.js';
import { ServiceGap } from './service-gaps/service-gap.entity.js';
import { WorkforceRecommendation } from './workforce/workforce-recommendation.entity.js';
import { AuditParticipation } from './audits/audit-participation.entity.js';
import { MeasureSet } from './quality-standards/measure-set.entity.js';
import { QualityAssessment } from './quality-standards/quality-assessment.entity.js';

/** The priorities schema: its entities and the migrations that build it, in order. */
export const prioritiesEntities = [
  ...messagingEntities,
  ...membershipViewEntities,
  Programme,
  Priority,
  Milestone,
  ServiceGap,
  Pathway,
  PathwayVersion,
  PathwayComment,
  WorkforceRecommendation,
  AuditParticipation,
  MeasureSet,
  QualityAssessment,
];

export const prioritiesMigrations = [
  ...messagingMigrations,
  ...membershipViewMigrations,
  PrioritiesSchema1795245775752,
  WorkforceAndAudits1795246052704,
  PathwayComments1796426864338,
  QualityStandards1796440920444,
  QualityMeasuresReferenceData1796440920445,
];

export const prioritiesConstraintMessages: ConstraintMessages = {
  pathway_version_key: 'The pathway already has a version with this number',
  pathway_one_published_key: 'The pathway already has a published version',
  measure_set_version_key: 'The measure set already has this version',
  quality_assessment_body_set_key:
    'The body already has an assessment against this version of the measure set',
};
