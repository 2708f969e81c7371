import type { z } from 'zod';
import { EVENT_TYPE_PATTERN } from './envelope.js';

/** Payload schemas of one service's events, keyed by event type. */
export type EventSchemas = Record<string, z.ZodType>;

/**
 * One producing service's events: the topic they go to, the source they carry, and the
 * payload schema of each event type. A published type and topic never change; a new
 * version of an event is a new type (`.v2`) beside the old one.
 */
export interface EventContract<
  TService extends string = string,
  TEvents extends EventSchemas = EventSchemas,
> {
  readonly service: TService;
  readonly topic: string;
  readonly source: string;
  readonly events: TEvents;
}

/** Declares a service's contract, checking names once at load time. */
export function defineContract<const TService extends string, const TEvents extends EventSchemas>(
  service: TService,
  events: TEvents,
  /** Tests give each run its own topic; services keep `<service>.events`. */
  options: { topic?: string } = {},
): EventContract<TService, TEvents> {
  for (const type of Object.keys(events)) {
    const match = EVENT_TYPE_PATTERN.exec(type);
    if (!match || match[1] !== service) {
      throw new Error(`Event type "${type}" must read ${service}.<name>.v<N>`);
    }
  }
  return {
    service,
    topic: options.topic ?? `${service}.events`,
    source: `/cancer-network/${service}`,
    events,
  };
}
