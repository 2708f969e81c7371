import type { Announcement } from './breach-detection.js';
import { unannounced } from './unannounced.js';

const breached = (period: string): Announcement => ({
  kind: 'breached',
  period,
  value: 0.7,
  target: 0.8,
  gap: 0.1,
  months: [],
});
const recovered = (period: string): Announcement => ({
  kind: 'recovered',
  period,
  value: 0.85,
  target: 0.8,
});
const periods = (list: Announcement[]) => list.map((a) => `${a.kind} ${a.period}`);

describe('what is still to announce', () => {
  it('announces everything in order the first time', () => {
    expect(periods(unannounced([breached('2026-02'), recovered('2026-04')], undefined))).toEqual([
      'breached 2026-02',
      'recovered 2026-04',
    ]);
  });

  it('announces nothing again for the same data', () => {
    expect(unannounced([breached('2026-02')], { kind: 'breached', period: '2026-02' })).toEqual([]);
  });

  it('never announces a second breach while one stands, even when revised data moves it', () => {
    expect(unannounced([breached('2026-03')], { kind: 'breached', period: '2026-02' })).toEqual([]);
  });

  it('announces a recovery only after a breach, and a new breach after it', () => {
    expect(unannounced([recovered('2026-05')], undefined)).toEqual([]);
    expect(
      periods(
        unannounced([breached('2026-02'), recovered('2026-04'), breached('2026-07')], {
          kind: 'breached',
          period: '2026-02',
        }),
      ),
    ).toEqual(['recovered 2026-04', 'breached 2026-07']);
  });
});
