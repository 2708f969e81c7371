import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { schemaOf } from '#platform';
import { createTestDataSource } from '#testing';
import { ProcessedEventPruner } from '../src/consumer/processed-event-pruner.js';

describe('ProcessedEventPruner (real PostgreSQL)', () => {
  let dataSource: DataSource & { drop(): Promise<void> };
  const schema = () => schemaOf(dataSource);

  beforeAll(async () => {
    dataSource = await createTestDataSource();
  });

  afterAll(async () => {
    await dataSource?.drop();
  });

  /** Rows processed `daysAgo` days ago, under one consumer or another. */
  async function processed(count: number, daysAgo: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const [index, id] of ids.entries()) {
      await dataSource.query(
        `INSERT INTO "${schema()}".processed_event (consumer, event_id, event_type, processed_at)
         VALUES ($1, $2, 'test.thing-happened.v1', now() - make_interval(days => $3))`,
        [index % 2 === 0 ? 'workflow' : 'workflow-other', id, daysAgo],
      );
    }
    return ids;
  }

  it('deletes the rows older than the window, in batches, and keeps the newer ones', async () => {
    const old = await processed(7, 31);
    const recent = await processed(3, 29);
    const today = await processed(2, 0);
    const pruner = new ProcessedEventPruner({ dataSource, retentionDays: 30, batchSize: 2 });

    expect(await pruner.prune()).toBe(old.length);

    const left = await dataSource.query<{ event_id: string }[]>(
      `SELECT event_id FROM "${schema()}".processed_event`,
    );
    expect(left.map((row) => row.event_id).sort()).toEqual([...recent, ...today].sort());
    expect(await pruner.prune()).toBe(0);
  });
});
