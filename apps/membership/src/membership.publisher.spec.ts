import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { platformEvents } from '#contracts';
import { MembershipPublisher } from './membership.publisher.js';

/** A transaction's manager that records the outbox writes instead of making them. */
function recordingManager() {
  const calls: [string, unknown[]][] = [];
  const query = (sql: string, parameters: unknown[]) => {
    calls.push([sql, parameters]);
    return Promise.resolve([]);
  };
  const manager = { queryRunner: { isTransactionActive: true }, query } as unknown as EntityManager;
  return { manager, calls };
}

const dataSource = { options: { schema: 'membership' } } as unknown as DataSource;

describe('MembershipPublisher', () => {
  it('publishes membership events to the outbox, keyed as the contract says', async () => {
    const publisher = new MembershipPublisher(platformEvents, dataSource);
    const { manager, calls } = recordingManager();
    const allianceId = randomUUID();
    const event = await publisher.publish(manager, 'membership.alliance-registered.v1', {
      allianceId,
      code: 'QE1',
      name: 'East of England',
      nation: 'england',
      kind: 'cancer-alliance',
    });
    expect(event.subject).toBe(allianceId);
    const [sql, parameters] = calls[0] ?? [];
    expect(sql).toContain('"membership"."outbox_message"');
    expect(parameters?.slice(1, 4)).toEqual([
      'membership.events',
      allianceId,
      'membership.alliance-registered.v1',
    ]);
  });

  it("refuses another service's event, at compile time and at run time", async () => {
    const publisher = new MembershipPublisher(platformEvents, dataSource);
    const { manager, calls } = recordingManager();
    const caseId = randomUUID();
    await expect(
      publisher.publish(
        manager,
        // @ts-expect-error: a workflow event is not the membership service's to publish
        'workflow.escalation-acknowledged.v1',
        { caseId, bodyId: randomUUID(), level: 'network-group' },
      ),
    ).rejects.toThrow(/Unknown event type "workflow\.escalation-acknowledged\.v1"/);
    expect(calls).toEqual([]);
  });
});
