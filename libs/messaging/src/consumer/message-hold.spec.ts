import { setTimeout as sleep } from 'node:timers/promises';
import type { EachMessagePayload } from 'kafkajs';
import { measureHold } from './message-hold.js';

const payload = {
  topic: 'performance.events',
  partition: 2,
  message: { offset: '41' },
} as unknown as EachMessagePayload;

describe('the hold of a message on its partition', () => {
  it('reports the time from the first try to the end, with the type, and warns past the slow mark', async () => {
    const held: [number, string | undefined][] = [];
    const warnings: string[] = [];
    await measureHold(
      payload,
      {
        onHeld: (seconds, type) => held.push([seconds, type]),
        slowMessageMs: 20,
        logger: { warn: (line: string) => warnings.push(line), log() {}, error() {} },
      },
      async (report) => {
        report('performance.standard-breached.v1', 1);
        await sleep(30);
        report('performance.standard-breached.v1', 2);
      },
    );
    expect(held).toEqual([[expect.any(Number), 'performance.standard-breached.v1']]);
    expect(held[0]![0]).toBeGreaterThanOrEqual(0.025);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^performance\.events\[2\]@41 \(performance\.standard-breached\.v1\) held its partition for \d+ ms over 2 attempt\(s\)$/,
      ),
    ]);
  });

  it('says nothing of a message under the slow mark, and names one never decoded as such', async () => {
    const held: (string | undefined)[] = [];
    const warnings: string[] = [];
    const logger = { warn: (line: string) => warnings.push(line), log() {}, error() {} };
    await measureHold(
      payload,
      { onHeld: (_, type) => held.push(type), slowMessageMs: 60_000, logger },
      () => Promise.resolve(),
    );
    expect(warnings).toEqual([]);
    await measureHold(payload, { slowMessageMs: 0, logger }, () => sleep(2));
    expect(held).toEqual([undefined]);
    expect(warnings).toEqual([expect.stringContaining('(not decoded)')]);
  });
});
