/** The chart's size, plot edges, font and colours, and where each month and share is drawn. */

export const WIDTH = 800;
export const HEIGHT = 420;
export const PLOT_LEFT = 72;
export const PLOT_RIGHT = 776;
export const PLOT_BOTTOM = 340;
export const FONT = 'Arial, Helvetica, sans-serif';
export const NO_DATA = 'No data for this period';

export const COLOUR = {
  background: '#ffffff',
  text: '#0b0c0c',
  muted: '#505a5f',
  grid: '#dddddd',
  axis: '#0b0c0c',
  measure: '#1d70b8',
  below: '#d4351c',
  belowOutline: '#0b0c0c',
  target: '#0b0c0c',
} as const;

/** A month as charted: its label, and its value and target when they are finite numbers. */
export interface Month {
  period: string;
  label: string;
  value: number | null;
  target: number | null;
}

export function isBelow(month: Month): boolean {
  return month.value !== null && month.target !== null && month.value < month.target;
}

/** The plot area: its top, its y range in tenths, and where a share and a month are drawn. */
export interface Plot {
  top: number;
  /** The lowest and highest gridline, in tenths (7 is 70%). */
  low: number;
  high: number;
  /** The width of one month. */
  band: number;
  y: (share: number) => number;
  /** The left edge of month `i`'s band. */
  xStart: (i: number) => number;
  /** The middle of month `i`'s band. */
  x: (i: number) => number;
}

export function plotArea(months: readonly Month[], top: number): Plot {
  const { low, high } = yRange(months);
  const band = (PLOT_RIGHT - PLOT_LEFT) / months.length;
  const xStart = (i: number): number => PLOT_LEFT + band * i;
  return {
    top,
    low,
    high,
    band,
    y: (share: number): number =>
      PLOT_BOTTOM - ((share * 10 - low) / (high - low)) * (PLOT_BOTTOM - top),
    xStart,
    x: (i: number): number => xStart(i) + band / 2,
  };
}

/** The y range in whole tenths: all values and targets fit, at least 20 points tall. */
function yRange(months: readonly Month[]): { low: number; high: number } {
  const shares = months.flatMap((month) =>
    [month.value, month.target].filter((share): share is number => share !== null),
  );
  if (shares.length === 0) {
    return { low: 0, high: 10 };
  }
  let low = Math.floor(Math.min(...shares) * 10 + 1e-9);
  let high = Math.ceil(Math.max(...shares) * 10 - 1e-9);
  if (low <= 2) {
    low = Math.min(low, 0);
  }
  while (high - low < 2) {
    if (high < 10) {
      high += 1;
    } else {
      low -= 1;
    }
  }
  return { low, high };
}

/** Evenly spread indices from 0 to n - 1 inclusive, no more than `every` apart. */
function spread(n: number, every: number): number[] {
  const intervals = Math.ceil((n - 1) / every);
  return Array.from({ length: intervals + 1 }, (_, j) => Math.round((j * (n - 1)) / intervals));
}

function smallestGap(indices: readonly number[]): number {
  return Math.min(...indices.slice(1).map((index, i) => index - indices[i]!));
}

export interface MonthLabelLayout {
  labelled: ReadonlySet<number>;
  rotated: boolean;
  fontSize: number;
}

/**
 * Up to 12 months, every month labelled flat. Beyond that labels are rotated 45 degrees and,
 * when they would touch, thinned to every second or third month (first and last always kept),
 * with a smaller font if even every third month would otherwise touch.
 */
export function monthLabelLayout(n: number, band: number): MonthLabelLayout {
  const all = new Set(Array.from({ length: n }, (_, i) => i));
  if (n <= 12) {
    return { labelled: all, rotated: false, fontSize: 12 };
  }
  const fontSize = 11;
  // Distance between the baselines of neighbouring labels rotated by 45 degrees.
  const spacing = band * Math.SQRT1_2;
  const needed = Math.ceil((fontSize + 2) / spacing);
  if (needed <= 1) {
    return { labelled: all, rotated: true, fontSize };
  }
  for (let every = needed; every <= 3; every++) {
    const indices = spread(n, every);
    if (smallestGap(indices) >= needed) {
      return { labelled: new Set(indices), rotated: true, fontSize };
    }
  }
  const indices = spread(n, 3);
  const shrunk = Math.min(fontSize, Math.max(7, Math.floor(smallestGap(indices) * spacing) - 2));
  return { labelled: new Set(indices), rotated: true, fontSize: shrunk };
}

/** Maximal runs of consecutive indices for which `present` holds. */
export function runs(n: number, present: (i: number) => boolean): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < n; i++) {
    if (present(i)) {
      current.push(i);
    } else if (current.length > 0) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) {
    result.push(current);
  }
  return result;
}
