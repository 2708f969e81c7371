import { addMonths, monthsBetween, periodSchema } from './period.js';

describe('reporting months', () => {
  it('steps across year ends both ways', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('counts the months between two months, across year ends and backwards', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
    expect(monthsBetween('2025-01', '2034-12')).toBe(119);
  });

  it('reads only YYYY-MM with a month from 01 to 12', () => {
    expect(periodSchema.safeParse('2026-12').success).toBe(true);
    expect(periodSchema.safeParse('2026-13').success).toBe(false);
    expect(periodSchema.safeParse('2026-1').success).toBe(false);
  });
});
