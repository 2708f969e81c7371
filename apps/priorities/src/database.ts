import { membershipViewEntities } from '#membership-view';
import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { PrioritiesSchema1795245775752 } from './migrations/1795245775752-priorities-schema.js';
import { PathwayVersion } from './pathways/pathway-version.entity.js';
import { Pathway } from './pathways/pathway.entity.js';
import { Milestone } from './priorities/milestone.entity.js';
import { Priority } from './priorities/priority.entity.js';
import { Programme } from './programmes/programme.entity.js';
import { ServiceGap } from './service-gaps/service-gap.entity.js';

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
];

export const prioritiesMigrations = [...messagingMigrations, PrioritiesSchema1795245775752];

export const prioritiesConstraintMessages: ConstraintMessages = {
  pathway_version_key: 'The pathway already has a version with this number',
  pathway_one_published_key: 'The pathway already has a published version',
};
