import { MONTH_ABBREVIATIONS } from '#contracts';
import { createHash } from 'node:crypto';

/** One month of a measure for an alliance and tumour site. */
export interface ChartPoint {
  period: string; // 'YYYY-MM'
  /** Share within the standard, 0 to 1; null for a month with no data. */
  value: number | null;
  /** Target in force for that month, 0 to 1; null when none is set. */
  target: number | null;
}

/** A time series of one measure against its target, for one alliance and tumour site. */
export interface PerformanceChart {
  /** e.g. 'East of England Cancer Alliance: lung, 28-day Faster Diagnosis Standard' */
  title: string;
  /** e.g. 'Share of patients told within 28 days, by month' */
  subtitle?: string;
  /** Consecutive months, oldest first. */
  points: readonly ChartPoint[];
}

const WIDTH = 800;
const HEIGHT = 420;
const PLOT_LEFT = 72;
const PLOT_RIGHT = 776;
const PLOT_BOTTOM = 340;
const FONT = 'Arial, Helvetica, sans-serif';
const NO_DATA = 'No data for this period';

const COLOUR = {
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

type Attrs = Record<string, string | number>;

interface Month {
  period: string;
  label: string;
  value: number | null;
  target: number | null;
}

/** A coordinate rounded to at most two decimals, so the same input always gives the same text. */
function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Text safe for XML content and attribute values; characters XML cannot hold are dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element; `content` is markup already escaped, and an element without it self-closes. */
function el(name: string, attrs: Attrs, content?: string): string {
  const attributes = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
  return content === undefined
    ? `<${name}${attributes}/>`
    : `<${name}${attributes}>${content}</${name}>`;
}

function text(attrs: Attrs, content: string): string {
  return el('text', attrs, escapeXml(content));
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** 'Mar 26' for '2026-03'; anything that is not a month is shown as given. */
function monthLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? MONTH_ABBREVIATIONS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]!.slice(2)}` : period;
}

/** A share to one decimal place: 0.7243 is '72.4%'. */
function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A target without a needless decimal: 0.8 is '80%', 0.755 is '75.5%'. */
function targetPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Splits text into at most `maxLines` lines of about `maxChars`, ending in '…' if cut short. */
function wrap(content: string, maxChars: number, maxLines: number): string[] {
  const words = content.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  if (lines.length <= maxLines) {
    return lines.length > 0 ? lines : [''];
  }
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  kept[maxLines - 1] = rest.length > maxChars ? `${rest.slice(0, maxChars - 1).trimEnd()}…` : rest;
  return kept;
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

interface MonthLabelLayout {
  labelled: ReadonlySet<number>;
  rotated: boolean;
  fontSize: number;
}

/**
 * Up to 12 months, every month labelled flat. Beyond that labels are rotated 45 degrees and,
 * when they would touch, thinned to every second or third month (first and last always kept),
 * with a smaller font if even every third month would otherwise touch.
 */
function monthLabelLayout(n: number, band: number): MonthLabelLayout {
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
function runs(n: number, present: (i: number) => boolean): number[][] {
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

function isBelow(month: Month): boolean {
  return month.value !== null && month.target !== null && month.value < month.target;
}

function diamond(x: number, y: number, r: number): string {
  return `M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z`;
}

function circleMarker(x: number, y: number, attrs: Attrs = {}, content?: string): string {
  return el(
    'circle',
    {
      ...attrs,
      cx: x,
      cy: y,
      r: 4.5,
      fill: COLOUR.measure,
      stroke: COLOUR.background,
      'stroke-width': 1.5,
    },
    content,
  );
}

function diamondMarker(x: number, y: number, attrs: Attrs = {}, content?: string): string {
  return el(
    'path',
    {
      ...attrs,
      d: diamond(x, y, 6.5),
      fill: COLOUR.below,
      stroke: COLOUR.belowOutline,
      'stroke-width': 1.5,
    },
    content,
  );
}

/** What the chart shows, in words, for the desc element. */
function describe(months: readonly Month[]): string {
  if (months.length === 0) {
    return `${NO_DATA}.`;
  }
  const first = months[0]!.label;
  const last = months.at(-1)!.label;
  const sentences = [
    months.length === 1
      ? `1 month: ${first}.`
      : `${months.length} months from ${first} to ${last}.`,
  ];
  const latest = months.findLast((month) => month.value !== null);
  if (latest === undefined || latest.value === null) {
    sentences.push(`${NO_DATA}.`);
    return sentences.join(' ');
  }
  sentences.push(
    latest.target === null
      ? `Latest value (${latest.label}): ${percent(latest.value)}, with no target set.`
      : `Latest value (${latest.label}): ${percent(latest.value)} against a target of ${targetPercent(latest.target)}.`,
  );
  const compared = months.filter((month) => month.value !== null && month.target !== null);
  const below = compared.filter(isBelow).length;
  sentences.push(
    compared.length === 0
      ? 'No month has both a value and a target.'
      : `Below target in ${below} of ${plural(compared.length, 'month')} with a value and a target.`,
  );
  const missing = months.filter((month) => month.value === null).length;
  if (missing > 0) {
    sentences.push(`No data for ${plural(missing, 'month')}.`);
  }
  return sentences.join(' ');
}

/** Title and subtitle lines at the top; returns the markup and the baseline of the last line. */
function header(chart: PerformanceChart): { markup: string[]; bottom: number } {
  const markup: string[] = [];
  let y = 30;
  wrap(chart.title, 72, 2).forEach((line, i) => {
    if (i > 0) {
      y += 22;
    }
    markup.push(
      text(
        {
          class: 'chart-title',
          x: 24,
          y,
          'font-size': 18,
          'font-weight': 'bold',
          fill: COLOUR.text,
        },
        line,
      ),
    );
  });
  const subtitle = chart.subtitle?.trim();
  if (subtitle) {
    wrap(subtitle, 105, 2).forEach((line, i) => {
      y += i === 0 ? 22 : 17;
      markup.push(
        text({ class: 'chart-subtitle', x: 24, y, 'font-size': 13, fill: COLOUR.muted }, line),
      );
    });
  }
  return { markup, bottom: y };
}

function legend(y: number): string {
  const mid = y - 4;
  const label = (x: number, content: string): string =>
    text({ x, y, 'font-size': 12, fill: COLOUR.text }, content);
  // Widths of the labels estimated at 6.5 pixels a character.
  let x = PLOT_LEFT;
  const parts: string[] = [];
  parts.push(
    el('line', {
      x1: x,
      y1: mid,
      x2: x + 24,
      y2: mid,
      stroke: COLOUR.measure,
      'stroke-width': 2.5,
    }),
    circleMarker(x + 12, mid),
    label(x + 30, 'Performance'),
  );
  x += 30 + 'Performance'.length * 6.5 + 24;
  parts.push(
    el('line', {
      x1: x,
      y1: mid,
      x2: x + 24,
      y2: mid,
      stroke: COLOUR.target,
      'stroke-width': 2,
      'stroke-dasharray': '6 4',
    }),
    label(x + 30, 'Target'),
  );
  x += 30 + 'Target'.length * 6.5 + 24;
  parts.push(diamondMarker(x + 12, mid), label(x + 30, 'Below target'));
  return el('g', { class: 'legend' }, parts.join(''));
}

/**
 * An SVG document charting a cancer waiting-time measure month by month against the target in
 * force each month, legible when opened on its own: the measure is a line with a marker for each
 * month (a gap where a month has no data), months below target get a red diamond instead of a
 * blue circle, and the target is a dashed step line. The same chart always renders the same text.
 */
export function renderPerformanceChart(chart: PerformanceChart): string {
  const months: Month[] = chart.points.map((point) => ({
    period: point.period,
    label: monthLabel(point.period),
    value: finite(point.value),
    target: finite(point.target),
  }));
  const id = `perf-chart-${createHash('sha256')
    .update(JSON.stringify([chart.title, chart.subtitle ?? null, months]))
    .digest('hex')
    .slice(0, 12)}`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  const top = header(chart);
  const body: string[] = [
    el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: COLOUR.background }),
    ...top.markup,
  ];

  if (months.length === 0) {
    const plotTop = top.bottom + 30;
    body.push(
      el('rect', {
        x: PLOT_LEFT,
        y: plotTop,
        width: PLOT_RIGHT - PLOT_LEFT,
        height: PLOT_BOTTOM - plotTop,
        fill: '#f3f2f1',
        stroke: COLOUR.grid,
      }),
      text(
        {
          class: 'no-data',
          x: (PLOT_LEFT + PLOT_RIGHT) / 2,
          y: (plotTop + PLOT_BOTTOM) / 2 + 6,
          'font-size': 16,
          'text-anchor': 'middle',
          fill: COLOUR.muted,
        },
        NO_DATA,
      ),
    );
    return document(chart.title, describe(months), titleId, descId, body);
  }

  const legendY = top.bottom + 26;
  const plotTop = legendY + 22;
  body.push(legend(legendY));

  const { low, high } = yRange(months);
  const y = (share: number): number =>
    PLOT_BOTTOM - ((share * 10 - low) / (high - low)) * (PLOT_BOTTOM - plotTop);
  const band = (PLOT_RIGHT - PLOT_LEFT) / months.length;
  const xStart = (i: number): number => PLOT_LEFT + band * i;
  const x = (i: number): number => xStart(i) + band / 2;

  // Y axis: gridlines every 10%, tick labels and title.
  const grid: string[] = [];
  for (let tenth = low; tenth <= high; tenth++) {
    const gy = y(tenth / 10);
    if (tenth !== low) {
      grid.push(
        el('line', {
          x1: PLOT_LEFT,
          y1: gy,
          x2: PLOT_RIGHT,
          y2: gy,
          stroke: COLOUR.grid,
          'stroke-width': 1,
        }),
      );
    }
    grid.push(
      text(
        {
          class: 'y-label',
          x: PLOT_LEFT - 8,
          y: gy + 4,
          'font-size': 12,
          'text-anchor': 'end',
          fill: COLOUR.text,
        },
        `${tenth * 10}%`,
      ),
    );
  }
  const yMid = (plotTop + PLOT_BOTTOM) / 2;
  grid.push(
    text(
      {
        class: 'axis-title',
        x: 20,
        y: yMid,
        transform: `rotate(-90 20 ${num(yMid)})`,
        'font-size': 12,
        'text-anchor': 'middle',
        fill: COLOUR.text,
      },
      'Patients within standard (%)',
    ),
  );
  body.push(el('g', { class: 'y-axis' }, grid.join('')));

  // X axis: a tick for every month, labels as laid out, and title.
  const layout = monthLabelLayout(months.length, band);
  const xAxis: string[] = [
    el('line', {
      x1: PLOT_LEFT,
      y1: PLOT_BOTTOM,
      x2: PLOT_RIGHT,
      y2: PLOT_BOTTOM,
      stroke: COLOUR.axis,
      'stroke-width': 1,
    }),
  ];
  months.forEach((month, i) => {
    xAxis.push(
      el('line', {
        x1: x(i),
        y1: PLOT_BOTTOM,
        x2: x(i),
        y2: PLOT_BOTTOM + (layout.labelled.has(i) ? 6 : 3),
        stroke: COLOUR.axis,
        'stroke-width': 1,
      }),
    );
    if (!layout.labelled.has(i)) {
      return;
    }
    if (layout.rotated) {
      const lx = x(i) + 3;
      const ly = PLOT_BOTTOM + 14;
      xAxis.push(
        text(
          {
            class: 'x-label',
            x: lx,
            y: ly,
            transform: `rotate(-45 ${num(lx)} ${num(ly)})`,
            'font-size': layout.fontSize,
            'text-anchor': 'end',
            fill: COLOUR.text,
          },
          month.label,
        ),
      );
    } else {
      xAxis.push(
        text(
          {
            class: 'x-label',
            x: x(i),
            y: PLOT_BOTTOM + 20,
            'font-size': layout.fontSize,
            'text-anchor': 'middle',
            fill: COLOUR.text,
          },
          month.label,
        ),
      );
    }
  });
  xAxis.push(
    text(
      {
        class: 'axis-title',
        x: (PLOT_LEFT + PLOT_RIGHT) / 2,
        y: HEIGHT - 12,
        'font-size': 12,
        'text-anchor': 'middle',
        fill: COLOUR.text,
      },
      'Month',
    ),
  );
  body.push(el('g', { class: 'x-axis' }, xAxis.join('')));

  // Target: a dashed step line, stepping at the boundary between months, labelled at its end.
  const targetRuns = runs(months.length, (i) => months[i]!.target !== null);
  const targetMarkup = targetRuns.map((run) => {
    const first = run[0]!;
    let previous = months[first]!.target!;
    let d = `M${num(xStart(first))} ${num(y(previous))}`;
    for (const i of run.slice(1)) {
      const target = months[i]!.target!;
      if (target !== previous) {
        d += `H${num(xStart(i))}V${num(y(target))}`;
        previous = target;
      }
    }
    d += `H${num(xStart(run.at(-1)! + 1))}`;
    return el('path', {
      class: 'target-line',
      d,
      fill: 'none',
      stroke: COLOUR.target,
      'stroke-width': 2,
      'stroke-dasharray': '6 4',
    });
  });
  const lastRun = targetRuns.at(-1);
  if (lastRun !== undefined) {
    const end = lastRun.at(-1)!;
    const target = months[end]!.target!;
    const ty = y(target);
    targetMarkup.push(
      text(
        {
          class: 'target-label',
          x: xStart(end + 1) - 4,
          y: ty - 7 < plotTop + 12 ? ty + 17 : ty - 7,
          'font-size': 12,
          'font-weight': 'bold',
          'text-anchor': 'end',
          fill: COLOUR.target,
          stroke: COLOUR.background,
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        `Target ${targetPercent(target)}`,
      ),
    );
  }
  body.push(el('g', { class: 'target' }, targetMarkup.join('')));

  // Measure: a line through each run of months with data, then a marker for each month.
  const measure = runs(months.length, (i) => months[i]!.value !== null).map((run) =>
    el('polyline', {
      class: 'measure',
      points: run.map((i) => `${num(x(i))},${num(y(months[i]!.value!))}`).join(' '),
      fill: 'none',
      stroke: COLOUR.measure,
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
  );
  months.forEach((month, i) => {
    if (month.value === null) {
      return;
    }
    const tooltip = el(
      'title',
      {},
      escapeXml(
        `${month.label}: ${percent(month.value)} ${
          month.target === null ? '(no target)' : `(target ${targetPercent(month.target)})`
        }`,
      ),
    );
    const attrs = { 'data-period': month.period };
    measure.push(
      isBelow(month)
        ? diamondMarker(x(i), y(month.value), { class: 'marker marker-below', ...attrs }, tooltip)
        : circleMarker(x(i), y(month.value), { class: 'marker', ...attrs }, tooltip),
    );
  });
  body.push(el('g', { class: 'series' }, measure.join('')));

  if (months.every((month) => month.value === null)) {
    body.push(
      text(
        {
          class: 'no-data',
          x: (PLOT_LEFT + PLOT_RIGHT) / 2,
          y: (plotTop + PLOT_BOTTOM) / 2 + 6,
          'font-size': 16,
          'text-anchor': 'middle',
          fill: COLOUR.muted,
        },
        NO_DATA,
      ),
    );
  }

  return document(chart.title, describe(months), titleId, descId, body);
}

function document(
  title: string,
  description: string,
  titleId: string,
  descId: string,
  body: readonly string[],
): string {
  return `${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: WIDTH,
      height: HEIGHT,
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': FONT,
    },
    [
      el('title', { id: titleId }, escapeXml(title)),
      el('desc', { id: descId }, escapeXml(description)),
      ...body,
    ].join('\n'),
  )}\n`;
}
