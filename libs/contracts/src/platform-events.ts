import { createEventRegistry } from './event-registry.js';

/**
 * The registry of every service's published events. Each service adds its contract file
 * (`<service>.events.ts`) here when it starts publishing.
 */
export const platformEvents = createEventRegistry();

export type PlatformEvents = typeof platformEvents;
