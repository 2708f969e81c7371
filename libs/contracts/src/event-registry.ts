import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { subjectOf, type EventAbout, type EventContract, type EventSchemas } from './contract.js';
import { envelopeSchema, type EventEnvelope } from './envelope.js';
import { InvalidEventError } from './invalid-event.error.js';

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

/** Event type to payload schema, merged from several contracts. */
export type EventMapOf<TContracts extends readonly EventContract[]> =
  // No index signature is added, so `keyof` stays the declared types and unions narrow.
  UnionToIntersection<TContracts[number]['events']> extends infer TMap extends EventSchemas
    ? TMap
    : never;

export type EventTypeOf<TMap extends EventSchemas> = Extract<keyof TMap, string>;
export type PayloadOf<TMap extends EventSchemas, TType extends keyof TMap> = z.output<TMap[TType]>;

/** The envelope of one event type with its typed payload. */
export type EventOf<TMap extends EventSchemas, TType extends EventTypeOf<TMap>> = EventEnvelope<
  TType,
  PayloadOf<TMap, TType>
>;

/** Any event of the map: a union discriminated by `type`. */
export type AnyEventOf<TMap extends EventSchemas> = {
  [TType in EventTypeOf<TMap>]: EventOf<TMap, TType>;
}[EventTypeOf<TMap>];

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor?: string;
  readonly id?: string;
  readonly time?: Date;
}

/**
 * Every event type the platform knows, with its topic and payload schema. Publishing
 * builds envelopes through it and consuming validates through it, so both sides read
 * one contract and the compiler checks payloads against the type name.
 */
export class EventRegistry<TMap extends EventSchemas> {
  private readonly byType = new Map<
    string,
    { contract: EventContract; schema: z.ZodType; about: EventAbout }
  >();

  constructor(readonly contracts: readonly EventContract[]) {
    for (const contract of contracts) {
      for (const [type, schema] of Object.entries(contract.events)) {
        if (this.byType.has(type)) {
          throw new Error(`Event type "${type}" is declared twice`);
        }
        const about = (contract.about as Record<string, EventAbout | undefined>)[type];
        if (!about) {
          throw new Error(`Event type "${type}" has no summary and key in its contract`);
        }
        this.byType.set(type, { contract, schema, about });
      }
    }
  }

  /**
   * The same contracts on topics named `<prefix><topic>`: environments sharing one Kafka
   * cluster (staging beside production, each test run) keep to their own topics.
   */
  withTopicPrefix(prefix: string): EventRegistry<TMap> {
    if (prefix === '') {
      return this;
    }
    if (!/^[A-Za-z0-9._-]+$/.test(prefix)) {
      throw new Error(`Invalid topic prefix "${prefix}": letters, digits, . _ - only`);
    }
    return new EventRegistry<TMap>(
      this.contracts.map((contract) => ({ ...contract, topic: `${prefix}${contract.topic}` })),
    );
  }

  /** The events of one service alone: what that service's publisher may build. */
  onlyOf(service: string): EventRegistry<EventSchemas> {
    const contracts = this.contracts.filter((contract) => contract.service === service);
    if (contracts.length === 0) {
      throw new Error(`No event contract for service "${service}"`);
    }
    return new EventRegistry<EventSchemas>(contracts);
  }

  get topics(): string[] {
    return [...new Set(this.contracts.map((contract) => contract.topic))];
  }

  get types(): EventTypeOf<TMap>[] {
    return [...this.byType.keys()] as EventTypeOf<TMap>[];
  }

  has(type: string): type is EventTypeOf<TMap> {
    return this.byType.has(type);
  }

  topicOf(type: EventTypeOf<TMap>): string {
    return this.entry(type).contract.topic;
  }

  /** The event's summary and the payload fields its key is made of. */
  aboutOf(type: EventTypeOf<TMap>): EventAbout {
    return this.entry(type).about;
  }

  /**
   * Builds a validated envelope whose subject (the Kafka key) is derived from the payload as
   * the contract says; throws InvalidEventError naming each bad payload field.
   */
  build<TType extends EventTypeOf<TMap>>(
    type: TType,
    data: PayloadOf<TMap, TType>,
    meta: EventMetadata,
  ): EventOf<TMap, TType> {
    const { contract, about, schema } = this.entry(type);
    // The payload first: the subject is made of its fields, so their errors come first.
    const payload = schema.safeParse(data);
    if (!payload.success) {
      throw InvalidEventError.fromZod(type, payload.error, 'data');
    }
    const envelope = {
      specversion: '1.0',
      id: meta.id ?? randomUUID(),
      type,
      source: contract.source,
      subject: subjectOf(about, data as Record<string, unknown>),
      time: (meta.time ?? new Date()).toISOString(),
      datacontenttype: 'application/json',
      correlationid: meta.correlationId,
      ...(meta.causationId ? { causationid: meta.causationId } : {}),
      ...(meta.actor ? { actor: meta.actor } : {}),
      data,
    };
    return this.validate(envelope) as EventOf<TMap, TType>;
  }

  /** Checks an envelope and its payload against the contract of its type. */
  validate(raw: unknown): AnyEventOf<TMap> {
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const type =
        typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      throw InvalidEventError.fromZod(typeof type === 'string' ? type : undefined, envelope.error);
    }
    const entry = this.byType.get(envelope.data.type);
    if (!entry) {
      throw new InvalidEventError(envelope.data.type, [
        {
          field: 'type',
          message: `Unknown event type "${envelope.data.type}"`,
        },
      ]);
    }
    const data = entry.schema.safeParse(envelope.data.data);
    if (!data.success) {
      throw InvalidEventError.fromZod(envelope.data.type, data.error, 'data');
    }
    return { ...envelope.data, data: data.data } as AnyEventOf<TMap>;
  }

  /** Parses a Kafka message value (UTF-8 JSON) and validates it. */
  decode(value: Buffer | string | null): AnyEventOf<TMap> {
    if (value === null) {
      throw new InvalidEventError(undefined, [{ field: '(root)', message: 'Empty message' }]);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
    } catch (error) {
      throw new InvalidEventError(undefined, [
        { field: '(root)', message: `Not JSON: ${(error as Error).message}` },
      ]);
    }
    return this.validate(raw);
  }

  private entry(type: string): { contract: EventContract; schema: z.ZodType; about: EventAbout } {
    const entry = this.byType.get(type);
    if (!entry) {
      throw new InvalidEventError(type, [
        { field: 'type', message: `Unknown event type "${type}"` },
      ]);
    }
    return entry;
  }
}

export function createEventRegistry<const TContracts extends readonly EventContract[]>(
  ...contracts: TContracts
): EventRegistry<EventMapOf<TContracts>> {
  return new EventRegistry<EventMapOf<TContracts>>(contracts);
}

/** The event map a registry was built from, for typing publishers and handlers. */
export type EventMapOfRegistry<TRegistry> =
  TRegistry extends EventRegistry<infer TMap> ? TMap : never;
