import type { z } from 'zod';
import { EVENT_TYPE_PATTERN } from './envelope.js';

/** Payload schemas of one service's events, keyed by event type. */
export type EventSchemas = Record<string, z.ZodType>;

/** What a contract says of an event beside its payload: what happened and how it is keyed. */
export interface EventAbout {
  /** One line on what happened. */
  readonly summary: string;
  /**
   * The payload fields the envelope subject (and so the Kafka key) is made of, joined by `:`.
   * Publishers derive the subject from them; nobody chooses it per call.
   */
  readonly key: readonly string[];
  /** Which aggregate the key names, and so whose events stay in order. */
  readonly keyMeaning: string;
}

/** One event type of a contract: its payload schema and what it is about. */
export interface EventDefinition<TPayload extends z.ZodType = z.ZodType> extends EventAbout {
  readonly payload: TPayload;
}

/** Key meanings several events share. */
export const KEYED_BY_BODY =
  "the governance body the event belongs to, so one body's events stay in order";
export const KEYED_BY_CASE = "the escalation case, so one case's events stay in order";
export const KEYED_BY_STANDARD_SUBJECT =
  "the alliance's tumour site and standard, so its breaches and recoveries stay in order";

/**
 * Declares an event type: its payload and, checked against the payload's fields by the
 * compiler, the fields its key is made of.
 */
export function event<const TPayload extends z.ZodType<Record<string, unknown>>>(
  payload: TPayload,
  about: {
    readonly summary: string;
    readonly key: readonly [
      Extract<keyof z.output<TPayload>, string>,
      ...Extract<keyof z.output<TPayload>, string>[],
    ];
    readonly keyMeaning: string;
  },
): EventDefinition<TPayload> {
  return { payload, ...about };
}

type SchemasOf<TDefinitions extends Record<string, EventDefinition>> = {
  [TType in keyof TDefinitions]: TDefinitions[TType]['payload'];
};

/**
 * One producing service's events: the topic they go to, the source they carry, the payload
 * schema of each event type and what each is about. A published type and topic never change;
 * a new version of an event is a new type (`.v2`) beside the old one.
 */
export interface EventContract<
  TService extends string = string,
  TEvents extends EventSchemas = EventSchemas,
> {
  readonly service: TService;
  readonly topic: string;
  readonly source: string;
  readonly events: TEvents;
  readonly about: Readonly<Record<Extract<keyof TEvents, string>, EventAbout>>;
}

/** Event type to payload schema of one contract, for typing that service's publisher. */
export type EventMapOfContract<TContract extends EventContract> = TContract['events'];

/** Declares a service's contract, checking names once at load time. */
export function defineContract<
  const TService extends string,
  const TDefinitions extends Record<string, EventDefinition>,
>(
  service: TService,
  definitions: TDefinitions,
  /** Tests give each run its own topic; services keep `<service>.events`. */
  options: { topic?: string } = {},
): EventContract<TService, SchemasOf<TDefinitions>> {
  const events: EventSchemas = {};
  const about: Record<string, EventAbout> = {};
  for (const [type, { payload, summary, key, keyMeaning }] of Object.entries(definitions)) {
    const match = EVENT_TYPE_PATTERN.exec(type);
    if (!match || match[1] !== service) {
      throw new Error(`Event type "${type}" must read ${service}.<name>.v<N>`);
    }
    events[type] = payload;
    about[type] = { summary, key, keyMeaning };
  }
  return {
    service,
    topic: options.topic ?? `${service}.events`,
    source: `/cancer-network/${service}`,
    events: events as SchemasOf<TDefinitions>,
    about: about as EventContract<TService, SchemasOf<TDefinitions>>['about'],
  };
}

/** The envelope subject of an event: its key fields' values joined by `:`. */
export function subjectOf(about: EventAbout, data: Record<string, unknown>): string {
  return about.key.map((field) => String(data[field])).join(':');
}
