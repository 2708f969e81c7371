import { z } from 'zod';

/**
 * The envelope every event travels in: the CloudEvents 1.0 context attributes in structured
 * mode (the whole envelope is the Kafka message value), plus the correlation and causation
 * extension attributes that tie an event to the request or event that caused it.
 * Extension names are lower-case alphanumerics, as CloudEvents requires.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly specversion: '1.0';
  /** Unique per event; consumers record it to make redelivery harmless. */
  readonly id: string;
  /** `<service>.<aggregate>-<fact>.v<version>`: never changes once published. */
  readonly type: TType;
  /** The producing service, as a URI reference: `/cancer-network/<service>`. */
  readonly source: string;
  /** The aggregate the event is about; also the Kafka message key, so its events stay in order. */
  readonly subject: string;
  /** RFC 3339 time at which the change happened. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** The request or workflow this event belongs to, carried from event to event. */
  readonly correlationid: string;
  /** The id of the event that caused this one, when one did. */
  readonly causationid?: string;
  /**
   * Who the change was made for: `member:<id>`, `user:<subject>`, `service:<subject>`, or
   * `system` for the service's own timers; carried from an event to the events it causes.
   */
  readonly actor?: string;
  readonly data: TData;
}

export const EVENT_TYPE_PATTERN = /^([a-z][a-z0-9]*)\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/** Kafka header naming the structured-mode content type (CloudEvents Kafka protocol binding). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

const correlationIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'Invalid correlation id: letters, digits and . _ : - only');

const actorSchema = z
  .string()
  .max(300)
  .regex(
    /^(system|(member|user|service):[^\s]+)$/,
    'Invalid actor: system, or member:, user: or service: and an id',
  );

export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  type: z.string().regex(EVENT_TYPE_PATTERN, 'Invalid event type: expected <service>.<name>.v<N>'),
  source: z.string().min(1),
  subject: z.string().min(1).max(200),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  correlationid: correlationIdSchema,
  causationid: z.uuid().optional(),
  actor: actorSchema.optional(),
  data: z.unknown(),
});

export { correlationIdSchema };
