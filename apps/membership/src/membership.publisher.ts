import { membershipContract } from '#contracts';
import { publisherFor } from '#messaging';

/** The membership service's one publisher: it publishes membership events and no others. */
export class MembershipPublisher extends publisherFor(membershipContract) {}
