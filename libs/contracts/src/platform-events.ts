import { createEventRegistry, type EventMapOfRegistry } from './event-registry.js';
import { meetingsContract } from './meetings.events.js';
import { membershipContract } from './membership.events.js';
import { performanceContract } from './performance.events.js';
import { prioritiesContract } from './priorities.events.js';
import { workflowContract } from './workflow.events.js';

/**
 * The registry of every service's published events. Each service adds its contract file
 * (`<service>.events.ts`) here when it starts publishing.
 */
export const platformEvents = createEventRegistry(
  membershipContract,
  meetingsContract,
  prioritiesContract,
  performanceContract,
  workflowContract,
);

export type PlatformEventMap = EventMapOfRegistry<typeof platformEvents>;
