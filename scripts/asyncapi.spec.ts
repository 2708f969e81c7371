import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { z } from 'zod';
import { platformEvents } from '#contracts';
import {
  ASYNCAPI_PATH,
  buildAsyncApiDocument,
  renderAsyncApiDocument,
  type JsonSchema,
} from './asyncapi-document.js';

const document = buildAsyncApiDocument();
const messages = document.components.messages;

const bodyId = '6f1c1f2e-8a1d-4a8e-9f55-0d2b3c4d5e6f';
const memberId = '0b7f4a52-3c1e-4d2a-9e8f-1a2b3c4d5e6f';
const allianceId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const meta = { correlationId: 'req-1' };

function validatorFor(type: string) {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const message = messages[type];
  if (!message) {
    throw new Error(`no message ${type}`);
  }
  return ajv.compile(message.payload);
}

describe('AsyncAPI document', () => {
  it('has every event type exactly once, in its topic channel and operation', () => {
    const types = [...platformEvents.types].sort();
    expect(Object.keys(messages)).toEqual(types);
    const inChannels = Object.values(document.channels).flatMap((channel) =>
      Object.keys(channel.messages),
    );
    expect([...inChannels].sort()).toEqual(types);

    for (const type of types) {
      const topic = platformEvents.topicOf(type);
      const channel = document.channels[topic];
      expect(channel?.address).toBe(topic);
      expect(channel?.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
      expect(messages[type]?.name).toBe(type);
    }
    expect(Object.keys(document.channels)).toEqual([...platformEvents.topics].sort());

    const operations = Object.values(document.operations);
    expect(operations).toHaveLength(platformEvents.topics.length);
    for (const operation of operations) {
      expect(operation.action).toBe('send');
      const topic = operation.channel.$ref.replace('#/channels/', '');
      expect(operation.messages.map((ref) => ref.$ref)).toEqual(
        Object.keys(document.channels[topic]?.messages ?? {}).map(
          (type) => `#/channels/${topic}/messages/${type}`,
        ),
      );
    }
  });

  it('describes each message payload as the CloudEvents envelope of its event', () => {
    for (const [type, message] of Object.entries(messages)) {
      const payload = message.payload as {
        properties: Record<string, JsonSchema>;
        required: string[];
      };
      expect(Object.keys(payload.properties)).toEqual([
        'specversion',
        'id',
        'type',
        'source',
        'subject',
        'time',
        'datacontenttype',
        'correlationid',
        'causationid',
        'actor',
        'data',
      ]);
      expect(payload.required).not.toContain('causationid');
      expect(payload.required).not.toContain('actor');
      expect(payload.properties['type']).toMatchObject({ const: type });
      expect(message.description).toContain('**Kafka key**');
    }
  });

  it('accepts envelopes the registry builds and refuses broken ones', () => {
    const appointed = platformEvents.build(
      'membership.member-appointed.v1',
      {
        appointmentId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
        memberId,
        bodyId,
        role: 'chair',
        termStart: '2025-04-01',
        termEnd: null,
        agreedTime: { unit: 'programmed-activities-per-week', amount: 1 },
        succeedsAppointmentId: null,
      },
      { ...meta, causationId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
    );
    const validateAppointed = validatorFor('membership.member-appointed.v1');
    expect(validateAppointed(JSON.parse(JSON.stringify(appointed)))).toBe(true);
    expect(validateAppointed({ ...appointed, data: { ...appointed.data, role: 'king' } })).toBe(
      false,
    );
    expect(validateAppointed({ ...appointed, type: 'membership.body-created.v1' })).toBe(false);

    const breached = platformEvents.build(
      'performance.standard-breached.v1',
      {
        allianceId,
        allianceCode: 'QE1',
        tumourSite: 'lung',
        bodyId: null,
        standard: 'fds-28',
        period: '2025-03',
        value: 0.7,
        target: 0.77,
        gap: 0.07,
        monthsToBreach: 2,
        months: [
          { period: '2025-02', total: 100, within: 72, breaches: 28, value: 0.72, target: 0.77 },
          { period: '2025-03', total: 100, within: 70, breaches: 30, value: 0.7, target: 0.77 },
        ],
      },
      meta,
    );
    const validateBreached = validatorFor('performance.standard-breached.v1');
    expect(validateBreached(JSON.parse(JSON.stringify(breached)))).toBe(true);
    const { months: _months, ...withoutMonths } = breached.data;
    expect(validateBreached({ ...breached, data: withoutMonths })).toBe(false);

    const requested = platformEvents.build(
      'workflow.agenda-item-requested.v1',
      {
        requestId: '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098',
        bodyId,
        title: 'Lung FDS breach',
        externalReference: 'case-1',
        presenter: null,
        papers: [{ title: 'Briefing', url: 'https://example.org/briefing.pdf' }],
        tableBy: '2025-05-01',
      },
      meta,
    );
    expect(validatorFor('workflow.agenda-item-requested.v1')(requested)).toBe(true);
  });

  it('lists the zod object keys as the required fields of data', () => {
    const contract = platformEvents.contracts.find((c) => c.service === 'meetings');
    const schema = contract?.events['meetings.decision-recorded.v1'] as z.ZodObject;
    const payload = messages['meetings.decision-recorded.v1']?.payload as {
      properties: { data: { required: string[] } };
    };
    expect(payload.properties.data.required).toEqual(Object.keys(schema.shape));
  });

  it('names the Kafka key of every message from payload fields', () => {
    expect(messages['workflow.escalation-opened.v1']?.bindings.kafka.key).toMatchObject({
      type: 'string',
      format: 'uuid',
    });
    expect(messages['workflow.escalation-opened.v1']?.description).toContain('`data.caseId`');
    expect(messages['performance.standard-recovered.v1']?.description).toContain(
      '`<data.allianceId>:<data.tumourSite>:<data.standard>`',
    );
  });

  it('is checked in up to date (run npm run asyncapi after changing a contract)', async () => {
    const checkedIn = await readFile(ASYNCAPI_PATH, 'utf8');
    expect(JSON.parse(checkedIn)).toEqual(document);
    expect(checkedIn).toBe(await renderAsyncApiDocument(document));
  });
});
