import { randomUUID } from 'node:crypto';
import { OutboxMessage } from '#messaging';
import { adminRow, type Row, type Service } from './matrix.js';
import type { World } from './world.js';

/**
 * Re-queueing a parked outbox row (issue #16), which every service has: admins only. Each cell
 * parks a row of its own, on a topic name Kafka refuses for good, so a re-queue is parked again
 * at once and sends nothing anywhere.
 */
export function outboxRequeueRow(service: Service): Row<World> {
  return adminRow(service, 'POST', '/admin/outbox/parked/{eventId}/requeue', async ({ world }) => {
    const eventId = randomUUID();
    await world
      .dataSource(service)
      .getRepository(OutboxMessage)
      .insert({
        eventId,
        topic: 'refused by the authorization matrix!',
        messageKey: eventId,
        eventType: 'matrix.parked.v1',
        envelope: { id: eventId },
        parkedAt: new Date(),
        parkReason: 'INVALID_TOPIC_EXCEPTION: parked by the authorization matrix',
      });
    return { path: `/admin/outbox/parked/${eventId}/requeue`, body: {}, target: eventId };
  });
}
