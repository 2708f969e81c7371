import { BodyTerms } from './body-terms.entity.js';
import { BodyView } from './body-view.entity.js';
import { IdentityLink } from './identity-link.entity.js';
import { MemberView } from './member-view.entity.js';
import { MembershipViewTables1763700000100 } from './migrations/1763700000100-membership-view-tables.js';
import { IdentityLinks1796400000100 } from './migrations/1796400000100-identity-links.js';
import { Seat } from './seat.entity.js';

export * from './body-terms.entity.js';
export * from './body-view.entity.js';
export * from './identity-link.entity.js';
export * from './member-view.entity.js';
export * from './membership-read-model.consumer.js';
export * from './membership-view.module.js';
export * from './seat-access.service.js';
export * from './seat.entity.js';
export * from './view-member-resolver.service.js';

/**
 * A service's own copy of membership: bodies, every version of their terms of reference,
 * members and seats, kept by MembershipReadModelConsumer from membership events. Services
 * add these entities to their data source and these migrations before their own.
 */
export const membershipViewEntities = [BodyView, BodyTerms, MemberView, Seat, IdentityLink];
export const membershipViewMigrations = [
  MembershipViewTables1763700000100,
  IdentityLinks1796400000100,
];
