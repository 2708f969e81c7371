// Builds the AsyncAPI 3.0 document of every event the platform publishes from the event
// contracts (`platformEvents`): payloads, summaries and keys all come from there. No side effects on import: scripts/asyncapi.ts is the CLI.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  envelopeSchema,
  platformEvents,
  type EventContract,
  type EventAbout,
} from '#contracts';

/** Where the generated document is checked in. */
export const ASYNCAPI_PATH = fileURLToPath(new URL('../docs/asyncapi.json', import.meta.url));
const PACKAGE_JSON_PATH = fileURLToPath(new URL('../package.json', import.meta.url));

export type JsonSchema = Record<string, unknown>;
type Ref = { $ref: string };

export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  description: string;
  contentType: string;
  headers: JsonSchema;
  correlationId: Ref;
  payload: JsonSchema;
  bindings: { kafka: { key: JsonSchema; bindingVersion: string } };
}

export interface AsyncApiChannel {
  address: string;
  title: string;
  description: string;
  messages: Record<string, Ref>;
  bindings: { kafka: { topic: string; bindingVersion: string } };
}

export interface AsyncApiOperation {
  action: 'send';
  channel: Ref;
  title: string;
  summary: string;
  description: string;
  messages: Ref[];
}

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string };
  };
  defaultContentType: string;
  servers: Record<string, { host: string; protocol: 'kafka'; description: string }>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    schemas: { CloudEventEnvelope: JsonSchema };
    correlationIds: Record<string, { description: string; location: string }>;
    messages: Record<string, AsyncApiMessage>;
  };
}

/** What each service's topic carries, for the channel descriptions. */
const SERVICE_NOTES: Record<string, string> = {
  membership:
    "Alliances, organisations, governance bodies, members and their appointments. Body and member events carry the whole state after the change, so a consumer reading from the start rebuilds each body's chair, clinical lead, members and escalation parent.",
  meetings:
    'Meetings of governance bodies: agendas, attendance and quorum, decisions, actions and minutes.',
  priorities:
    'Clinical priorities with their RAG status and milestones, service gaps with their NHS 5x5 risk, workforce recommendations and clinical pathways.',
  performance:
    "Cancer waiting-time submissions, and the standards an alliance's tumour site has breached or recovered.",
  workflow:
    'The escalation engine: escalation cases through their life, agenda requests to the meetings service, and notifications.',
};

/** The envelope attributes, as envelope.ts documents them. */
const ENVELOPE_DESCRIPTIONS: Record<string, string> = {
  specversion: 'CloudEvents specification version.',
  id: 'Unique per event; consumers record it to make redelivery harmless.',
  type: '`<service>.<aggregate>-<fact>.v<version>`: never changes once published.',
  source: 'The producing service, as a URI reference: `/cancer-network/<service>`.',
  subject:
    'The aggregate the event is about; also the Kafka message key, so its events stay in order.',
  time: 'RFC 3339 time at which the change happened.',
  datacontenttype: 'Content type of `data`.',
  correlationid:
    'The request or workflow this event belongs to, carried from event to event (CloudEvents extension attribute).',
  causationid:
    'The id of the event that caused this one, when one did (CloudEvents extension attribute).',
  data: 'The payload of the event type, validated against its contract on publish and on consume.',
};

const KAFKA_BINDING_VERSION = '0.5.0';

function describeInfo(): string {
  return [
    'Every event the cancer network governance platform publishes, generated from the event contracts in `libs/contracts` by `npm run asyncapi` (do not edit by hand; CI fails when it is out of date).',
    '',
    '**Topics.** Each service publishes to one topic, `<service>.events`, and every event type belongs to one service and one topic. With `KAFKA_TOPIC_PREFIX` set, every topic, consumer group and dead-letter topic is named `<prefix><name>`, so environments sharing a cluster keep to their own; the addresses here are unprefixed.',
    '',
    `**Envelope.** A message value is a CloudEvents 1.0 envelope in structured mode: JSON, with the Kafka header \`content-type: ${CLOUDEVENTS_CONTENT_TYPE}\`, and the \`correlationid\` and \`causationid\` extension attributes. \`data\` is the payload of the event type.`,
    '',
    "**Keys.** The Kafka message key is the envelope `subject`, the aggregate the event is about (each message says which), so one aggregate's events stay on one partition in the order they were committed.",
    '',
    '**Versioning.** An event type reads `<service>.<name>.v<N>`. A published type never changes: a new payload shape is a new `.vN` type published beside the old one, and a type never moves topic.',
    '',
    '**Outbox.** A service writes its change and its events in one database transaction; the outbox relay sends them with an idempotent producer (`acks: all`), in commit order per key.',
    '',
    "**Delivery.** At least once: a message may arrive more than once. Consumers are idempotent through the envelope `id`, recorded in the same transaction as the handler's writes; an id already recorded is skipped.",
    '',
    "**Dead letters.** A message a consumer cannot handle (a handler failing after retries with backoff, or at once a message that breaks its contract) goes to that consumer group's dead-letter topic, `<consumer>.dead-letter`, with headers `x-dead-letter-reason`, `x-dead-letter-consumer`, `x-dead-letter-original-topic`, `x-dead-letter-original-partition`, `x-dead-letter-original-offset`, `x-dead-letter-attempts` and `x-dead-letter-failed-at`, to inspect and replay. The partition always moves on.",
  ].join('\n');
}

function toJsonSchema(schema: z.ZodType): JsonSchema {
  // Draft-07: the AsyncAPI Schema Object (the default payload format) is a superset of it.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

function withEnvelopeDescriptions(schema: JsonSchema): JsonSchema {
  const properties = schema['properties'] as Record<string, JsonSchema>;
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [
        name,
        { description: ENVELOPE_DESCRIPTIONS[name], ...property },
      ]),
    ),
  };
}

function sortedByKey<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The Kafka key schema: the payload field it is, or a string made of several. */
function keySchema(type: string, note: EventAbout, data: JsonSchema): JsonSchema {
  const properties = data['properties'] as Record<string, JsonSchema>;
  const required = data['required'] as string[];
  for (const field of note.key) {
    if (!properties[field] || !required.includes(field) || 'anyOf' in properties[field]) {
      throw new Error(
        `Key field "${field}" of "${type}" is not a required, non-null payload field`,
      );
    }
  }
  const description = `The envelope subject, ${note.keyMeaning}: ${keyText(note)}.`;
  const [only] = note.key;
  return note.key.length === 1 && only
    ? { ...properties[only], description }
    : { type: 'string', description };
}

function keyText(note: EventAbout): string {
  const [only] = note.key;
  return note.key.length === 1 && only
    ? `\`data.${only}\``
    : `\`${note.key.map((field) => `<data.${field}>`).join(':')}\``;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** `membership.member-appointed.v1` reads "Member appointed". */
function humanise(type: string): string {
  const [, name = type] = type.split('.');
  return capitalise(name.replace(/-/g, ' '));
}

function buildMessage(contract: EventContract, type: string, schema: z.ZodType): AsyncApiMessage {
  const note = (contract.about as Record<string, EventAbout>)[type] as EventAbout;
  const version = /\.v(\d+)$/.exec(type)?.[1] ?? '';
  const envelope = envelopeSchema.extend({
    type: z.literal(type),
    source: z.literal(contract.source),
    data: schema,
  });
  const payload = withEnvelopeDescriptions(toJsonSchema(envelope));
  const data = toJsonSchema(schema);
  return {
    name: type,
    title: `${humanise(type)} (v${version})`,
    summary: note.summary,
    description: [
      `\`${type}\`, published by the ${contract.service} service on \`${contract.topic}\` (source \`${contract.source}\`).`,
      '',
      `**Kafka key** (the envelope \`subject\`): ${keyText(note)}, ${note.keyMeaning}.`,
    ].join('\n'),
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: {
      type: 'object',
      properties: {
        'content-type': {
          type: 'string',
          const: CLOUDEVENTS_CONTENT_TYPE,
          description: 'CloudEvents Kafka protocol binding, structured mode.',
        },
      },
      required: ['content-type'],
    },
    correlationId: { $ref: '#/components/correlationIds/correlationid' },
    payload,
    bindings: {
      kafka: { key: keySchema(type, note, data), bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON_PATH, 'utf8')) as { version: string };
  return version;
}

/** The AsyncAPI document of `platformEvents`, with sorted channels, operations and messages. */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const contracts = [...platformEvents.contracts].sort((a, b) => (a.topic < b.topic ? -1 : 1));
  const messages = new Map<string, AsyncApiMessage>();
  const channels = new Map<string, AsyncApiChannel>();
  const operations = new Map<string, AsyncApiOperation>();

  for (const contract of contracts) {
    const types = Object.keys(contract.events).sort();
    for (const type of types) {
      messages.set(type, buildMessage(contract, type, contract.events[type]!));
    }
    const channelMessages = sortedByKey(
      types.map((type): [string, Ref] => [type, { $ref: `#/components/messages/${type}` }]),
    );
    channels.set(contract.topic, {
      address: contract.topic,
      title: `${capitalise(contract.service)} events`,
      description: [
        `Every event the ${contract.service} service publishes. ${SERVICE_NOTES[contract.service] ?? ''}`.trim(),
        '',
        `Topic \`<KAFKA_TOPIC_PREFIX>${contract.topic}\`; each message is keyed by its envelope \`subject\`.`,
      ].join('\n'),
      messages: channelMessages,
      bindings: { kafka: { topic: contract.topic, bindingVersion: KAFKA_BINDING_VERSION } },
    });
    operations.set(`${contract.service}.send`, {
      action: 'send',
      channel: { $ref: `#/channels/${contract.topic}` },
      title: `Publish ${contract.service} events`,
      summary: `Published by the ${contract.service} service.`,
      description: `The ${contract.service} service writes these events to its outbox in the transaction of the change; the outbox relay sends them to \`${contract.topic}\`.`,
      messages: types.map((type) => ({ $ref: `#/channels/${contract.topic}/messages/${type}` })),
    });
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Cancer Network Governance events',
      version: packageVersion(),
      description: describeInfo(),
      license: { name: 'MIT' },
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      development: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local broker of `npm run infra:up` (`KAFKA_BROKERS`).',
      },
    },
    channels: sortedByKey(channels),
    operations: sortedByKey(operations),
    components: {
      schemas: { CloudEventEnvelope: withEnvelopeDescriptions(toJsonSchema(envelopeSchema)) },
      correlationIds: {
        correlationid: {
          description:
            'The request or workflow the event belongs to, carried from event to event; `causationid` names the event that caused this one.',
          location: '$message.payload#/correlationid',
        },
      },
      messages: sortedByKey(messages),
    },
  };
}

/** The document as checked in: JSON formatted by prettier with the repository's config. */
export async function renderAsyncApiDocument(
  document: AsyncApiDocument = buildAsyncApiDocument(),
): Promise<string> {
  const options = (await resolveConfig(ASYNCAPI_PATH)) ?? {};
  return format(JSON.stringify(document, null, 2), { ...options, filepath: ASYNCAPI_PATH });
}
