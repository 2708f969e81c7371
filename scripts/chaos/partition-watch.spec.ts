import type { Kafka } from 'kafkajs';
import { heldFinding, holdsIn, PartitionWatch, standStillFigures } from './partition-watch.js';

/** A broker whose one topic and one group's offset the test moves by hand. */
function fakeKafka(state: { high: number; committed: number; down?: boolean }): Kafka {
  return {
    admin: () => ({
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      fetchOffsets: () => {
        if (state.down) {
          return Promise.reject(new Error('Connection refused'));
        }
        return Promise.resolve([
          { topic: 'triggers', partitions: [{ partition: 0, offset: String(state.committed) }] },
        ]);
      },
      fetchTopicOffsets: () =>
        Promise.resolve([
          { partition: 0, offset: String(state.high), high: String(state.high), low: '0' },
        ]),
    }),
  } as unknown as Kafka;
}

describe('the partition watch', () => {
  let clock: number;
  const at = (seconds: number) => {
    clock = seconds * 1000;
  };
  const watching = (state: Parameters<typeof fakeKafka>[0]) =>
    new PartitionWatch(
      fakeKafka(state),
      ['workflow'],
      (group) => group,
      500,
      () => clock,
    );
  /** A look at the offsets at `seconds`. */
  const look = (watch: PartitionWatch, seconds: number) => {
    at(seconds);
    return watch.sample();
  };

  beforeEach(() => {
    clock = 0;
  });

  it('records a partition that stood still with messages waiting, from first seen to moving on', async () => {
    const state = { high: 10, committed: 4 };
    const watch = watching(state);
    await look(watch, 0);
    await look(watch, 3); // still at 4 with 10 written: blocked since 0
    state.committed = 10;
    await look(watch, 7);
    expect(watch.blocks).toEqual([
      expect.objectContaining({
        group: 'workflow',
        topic: 'triggers',
        partition: 0,
        from: 0,
        to: 7000,
      }),
    ]);
  });

  it('does not call a partition that moves at every look blocked, however far behind it is', async () => {
    const state = { high: 1000, committed: 0 };
    const watch = watching(state);
    for (let second = 0; second < 10; second += 1) {
      state.committed += 50;
      await look(watch, second);
    }
    await watch.stop();
    expect(watch.blocks).toEqual([]);
  });

  it('does not call a partition with nothing waiting blocked, and runs a block on through a broker that does not answer', async () => {
    const state = { high: 5, committed: 5, down: false };
    const watch = watching(state);
    await look(watch, 0);
    await look(watch, 10);
    expect(watch.blocks).toEqual([]);
    state.high = 6;
    await look(watch, 11);
    state.down = true;
    await look(watch, 14);
    state.down = false;
    state.committed = 6;
    await look(watch, 20);
    expect(watch.blocks.map((block) => [block.from, block.to])).toEqual([[11_000, 20_000]]);
    expect(watch.samples).toBe(4);
  });

  it("explains a block by a fault of the group's own service or of the infrastructure, not another service's", async () => {
    const state = { high: 10, committed: 4 };
    const watch = watching(state);
    await look(watch, 100);
    state.committed = 10;
    await look(watch, 110);
    const kill = (service: string, from: number, to: number) => ({
      what: `${service}#0 killed`,
      service,
      from: from * 1000,
      to: to * 1000,
    });
    expect(watch.explained([kill('meetings', 95, 105)])[0]!.fault).toBeUndefined();
    expect(watch.explained([kill('workflow', 80, 90)])[0]!.fault).toBe('workflow#0 killed');
    expect(watch.explained([kill('workflow', 60, 70)])[0]!.fault).toBeUndefined();
    expect(
      watch.explained([
        { what: 'Kafka restarted', service: undefined, from: 108_000, to: 115_000 },
      ])[0]!.fault,
    ).toBe('Kafka restarted');
  });

  it('counts stand-stills over five seconds with no fault as figures, the longest as examples', () => {
    const block = (seconds: number, fault?: string) => ({
      group: 'workflow',
      topic: 'triggers',
      partition: 0,
      from: 0,
      to: seconds * 1000,
      fault,
    });
    const figures = standStillFigures([block(5.5), block(2), block(30, 'Kafka restarted')]);
    expect(figures.ok).toBe(true);
    expect(figures.figures).toEqual({
      'over 1s': 3,
      'longest s': 30,
      'longest with no fault s': 5.5,
      'over 5s with no fault': 1,
    });
    expect(figures.examples).toEqual([
      expect.stringContaining('triggers[0] 5.5s'),
      expect.stringContaining('triggers[0] 2.0s'),
    ]);
  });
});

describe('the partition holds the consumers logged', () => {
  const line = (time: string, ms: number) =>
    JSON.stringify({
      level: 'warn',
      time,
      msg: `performance.events[2]@41 (performance.standard-breached.v1) held its partition for ${ms} ms over 3 attempt(s)`,
    });

  it('reads each hold from the JSON log lines, ignoring every other line', () => {
    const text = [
      'not json at all',
      JSON.stringify({ level: 'error', time: '2026-12-06T01:00:00.000Z', msg: 'Dead-lettering' }),
      line('2026-12-06T01:00:10.000Z', 6200),
    ].join('\n');
    expect(holdsIn(text)).toEqual([
      {
        at: Date.parse('2026-12-06T01:00:10.000Z'),
        ms: 6200,
        line: expect.stringContaining('@41'),
      },
    ]);
  });

  it('fails on a hold over five seconds that no fault of the run overlaps', () => {
    const holds = holdsIn(
      [line('2026-12-06T01:00:10.000Z', 6200), line('2026-12-06T01:05:00.000Z', 4000)].join('\n'),
    );
    const restart = (from: string, to: string) => ({
      what: 'PostgreSQL restarted',
      service: undefined,
      from: Date.parse(from),
      to: Date.parse(to),
    });
    expect(heldFinding(holds, [restart('2026-12-06T01:00:02Z', '2026-12-06T01:00:05Z')]).ok).toBe(
      true,
    );
    const failed = heldFinding(holds, [restart('2026-12-06T00:50:00Z', '2026-12-06T00:51:00Z')]);
    expect(failed.ok).toBe(false);
    expect(failed.figures).toEqual({
      'held over 5s': 1,
      'longest logged s': 6.2,
      'over with no fault': 1,
    });
    expect(failed.examples).toEqual([expect.stringContaining('held its partition for 6200 ms')]);
  });
});
