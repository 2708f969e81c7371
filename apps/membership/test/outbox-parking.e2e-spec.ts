import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '#contracts';
import { OutboxMessage, type ParkedMessage } from '#messaging';
import type { Page } from '#platform';
import { waitFor } from '#testing';
import { MembershipHarness } from './membership-harness.js';

/**
 * Issue #16 in a running service: a row Kafka refuses for good, between good rows, is parked
 * with its reason while the good rows reach the topic; the parked-rows gauge counts it and
 * admins list it, and re-queue it, at /admin/outbox/parked.
 */
describe('membership outbox: a row Kafka refuses is parked, counted and listed', () => {
  let h: MembershipHarness;

  beforeAll(async () => {
    h = await MembershipHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A row as a publisher writes it, with a note of `size` characters. */
  async function anOutboxRow(key: string, size = 10): Promise<string> {
    const eventId = randomUUID();
    await h.app
      .get(DataSource)
      .getRepository(OutboxMessage)
      .insert({
        eventId,
        topic: h.topic,
        messageKey: key,
        eventType: 'membership.test-only.v1',
        envelope: { id: eventId, type: 'membership.test-only.v1', note: 'x'.repeat(size) },
      });
    return eventId;
  }

  async function parkedGauge(): Promise<number> {
    const response = await request(h.app.getHttpServer()).get('/metrics').expect(200);
    const line = response.text
      .split('\n')
      .find((text) => text.startsWith('outbox_messages_parked{'));
    return Number(line?.split(' ').at(-1));
  }

  it('relays the good rows, parks the too-large one with its reason, counts it and lists it', async () => {
    const before = await anOutboxRow('before');
    const tooLarge = await anOutboxRow('too-large', 1_200_000);
    const after = await anOutboxRow('after');
    // The inserts send no NOTIFY; the relay's poll finds them.
    await waitFor('the good rows on the topic', () => {
      const ids = h.recorder.on(h.topic).map((m) => m.json<EventEnvelope>().id);
      return ids.includes(before) && ids.includes(after);
    });
    expect(h.recorder.on(h.topic).map((m) => m.json<EventEnvelope>().id)).not.toContain(tooLarge);

    const listed = await waitFor('the row to be listed as parked', async () => {
      const response = await h.get('/admin/outbox/parked', ['admin']).expect(200);
      const page = response.body as Page<ParkedMessage>;
      return page.total === 1 && page;
    });
    expect(listed.items).toEqual([
      expect.objectContaining({
        eventId: tooLarge,
        topic: h.topic,
        messageKey: 'too-large',
        parkReason: expect.stringMatching(/^(MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE): /) as string,
      }),
    ]);
    expect(await parkedGauge()).toBe(1);
    const metrics = (await request(h.app.getHttpServer()).get('/metrics')).text;
    expect(metrics).toMatch(/outbox_events_parked_total\{topic="[^"]+",service="membership"\} 1/);
  });

  it('is for admins only, and re-queues a parked row (audited), answering 404 for any other', async () => {
    await h.get('/admin/outbox/parked', ['clinician']).expect(403);
    const [parked] = (
      (await h.get('/admin/outbox/parked', ['admin']).expect(200)).body as Page<ParkedMessage>
    ).items;
    await h.post(`/admin/outbox/parked/${parked!.eventId}/requeue`, {}, ['clinician']).expect(403);
    await h.post(`/admin/outbox/parked/${randomUUID()}/requeue`, {}).expect(404);
    await h.post('/admin/outbox/parked/not-an-id/requeue', {}).expect(400);

    await h.post(`/admin/outbox/parked/${parked!.eventId}/requeue`, {}).expect(200);
    const audit = await h.get(`/admin/audit?target=${parked!.eventId}`, ['admin']).expect(200);
    expect((audit.body as Page<{ action: string }>).items).toEqual([
      expect.objectContaining({ action: 'outbox.requeued' }),
    ]);
    // Still too large: the relay parks it again, with its reason.
    await waitFor('the row to be parked again', async () => {
      const row = await h.app
        .get(DataSource)
        .getRepository(OutboxMessage)
        .findOneByOrFail({ eventId: parked!.eventId });
      return row.parkedAt !== null && row.parkReason !== null;
    });
    expect(await parkedGauge()).toBe(1);
  });
});
