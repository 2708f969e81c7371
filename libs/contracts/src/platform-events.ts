import { createEventRegistry, type EventMapOfRegistry } from './event-registry.js';
import { membershipContract } from './membership.events.js';

/**
 * The registry of every service's published events. Each service adds its contract file
 * (`<service>.events.ts`) here when it starts publishing.
 */
export const platformEvents = createEventRegistry(membershipContract);

export type PlatformEventMap = EventMapOfRegistry<typeof platformEvents>;
