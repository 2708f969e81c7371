import { addMonths, periodSchema } from './period.js';

describe('reporting months', () => {
  it('steps across year ends both ways', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('reads only YYYY-MM with a month from 01 to 12', () => {
    expect(periodSchema.safeParse('2026-12').success).toBe(true);
    expect(periodSchema.safeParse('2026-13').success).toBe(false);
    expect(periodSchema.safeParse('2026-1').success).toBe(false);
  });
});
