import { z } from 'zod';
import { defineContract, event } from './contract.js';
import { createEventRegistry } from './event-registry.js';
import { InvalidEventError } from './invalid-event.error.js';

const about = { summary: 'A sample body event.', key: ['bodyId'], keyMeaning: 'the body' } as const;
const sampleContract = defineContract('sample', {
  'sample.body-created.v1': event(z.object({ bodyId: z.uuid(), name: z.string().min(1) }), about),
  'sample.body-renamed.v1': event(z.object({ bodyId: z.uuid(), name: z.string().min(1) }), about),
  'sample.site-breached.v1': event(
    z.object({ bodyId: z.uuid(), site: z.string(), standard: z.string() }),
    {
      summary: 'A sample with a key of several fields.',
      key: ['bodyId', 'site', 'standard'],
      keyMeaning: 'the standard at the site',
    },
  ),
});
const registry = createEventRegistry(sampleContract);
const bodyId = '6f1c1f2e-8a1d-4a8e-9f55-0d2b3c4d5e6f';
const meta = { correlationId: 'req-1' };

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as InvalidEventError).issues.map((issue) => issue.field);
  }
  throw new Error('expected an InvalidEventError');
}

describe('EventRegistry', () => {
  it('builds a CloudEvents envelope on the service topic', () => {
    const event = registry.build('sample.body-created.v1', { bodyId, name: 'Lung' }, meta);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'sample.body-created.v1',
      source: '/cancer-network/sample',
      subject: bodyId,
      datacontenttype: 'application/json',
      correlationid: 'req-1',
      data: { bodyId, name: 'Lung' },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event).not.toHaveProperty('causationid');
    expect(registry.topicOf('sample.body-created.v1')).toBe('sample.events');
  });

  it('refuses to build an event whose payload breaks the contract, naming the field', () => {
    const build = () =>
      registry.build('sample.body-created.v1', { bodyId: 'not-a-uuid', name: '' }, meta);
    expect(issuesOf(build)).toEqual(['data.bodyId', 'data.name']);
    expect(build).toThrow(/Invalid event sample\.body-created\.v1: data\.bodyId: /);
  });

  it('validates decoded messages: envelope fields, unknown types and payloads', () => {
    const good = registry.build('sample.body-renamed.v1', { bodyId, name: 'Lung' }, meta);
    expect(registry.decode(Buffer.from(JSON.stringify(good)))).toEqual(good);
    expect(issuesOf(() => registry.decode(Buffer.from('{oops')))).toEqual(['(root)']);
    expect(issuesOf(() => registry.decode(null))).toEqual(['(root)']);
    expect(issuesOf(() => registry.validate({ ...good, id: 'x', time: 'yesterday' }))).toEqual([
      'id',
      'time',
    ]);
    expect(issuesOf(() => registry.validate({ ...good, type: 'sample.body-deleted.v1' }))).toEqual([
      'type',
    ]);
    expect(issuesOf(() => registry.validate({ ...good, data: { bodyId } }))).toEqual(['data.name']);
  });

  it('derives the subject, the Kafka key, from the key fields of the payload', () => {
    const breached = registry.build(
      'sample.site-breached.v1',
      { bodyId, site: 'lung', standard: 'fds-28' },
      meta,
    );
    expect(breached.subject).toBe(`${bodyId}:lung:fds-28`);
    expect(registry.aboutOf('sample.site-breached.v1')).toEqual({
      summary: 'A sample with a key of several fields.',
      key: ['bodyId', 'site', 'standard'],
      keyMeaning: 'the standard at the site',
    });
  });

  it('rejects event types that do not follow <service>.<name>.v<N>', () => {
    const thing = event(z.object({ id: z.string() }), {
      summary: 'A thing.',
      key: ['id'],
      keyMeaning: 'the thing',
    });
    expect(() => defineContract('sample', { 'other.thing.v1': thing })).toThrow(
      /must read sample\.<name>\.v<N>/,
    );
    expect(() => defineContract('sample', { 'sample.thing': thing })).toThrow();
  });

  it('moves every contract to prefixed topics, keeping types and sources', () => {
    const staging = registry.withTopicPrefix('staging.');
    expect(staging.topics).toEqual(['staging.sample.events']);
    expect(staging.topicOf('sample.body-created.v1')).toBe('staging.sample.events');
    expect(staging.build('sample.body-created.v1', { bodyId, name: 'Lung' }, meta).source).toBe(
      '/cancer-network/sample',
    );
    expect(registry.withTopicPrefix('')).toBe(registry);
    expect(() => registry.withTopicPrefix('bad prefix')).toThrow(/Invalid topic prefix/);
  });

  it('refuses the same event type in two contracts', () => {
    expect(() => createEventRegistry(sampleContract, sampleContract)).toThrow(/declared twice/);
  });
});
