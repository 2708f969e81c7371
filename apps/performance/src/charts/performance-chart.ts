import { createHash } from 'node:crypto';
import { header, legend, xAxis, yAxis } from './chart-axes.js';
import {
  COLOUR,
  FONT,
  HEIGHT,
  NO_DATA,
  PLOT_BOTTOM,
  PLOT_LEFT,
  PLOT_RIGHT,
  plotArea,
  WIDTH,
  type Month,
} from './chart-layout.js';
import { measureSeries, targetLine } from './chart-series.js';
import { describe, monthLabel } from './chart-text.js';
import { el, escapeXml, text } from './svg.js';

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

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
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

  const top = header(chart.title, chart.subtitle);
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
      noData(plotTop),
    );
    return document(chart.title, describe(months), titleId, descId, body);
  }

  const legendY = top.bottom + 26;
  const plot = plotArea(months, legendY + 22);
  body.push(
    legend(legendY),
    yAxis(plot),
    xAxis(plot, months),
    targetLine(plot, months),
    measureSeries(plot, months),
  );
  if (months.every((month) => month.value === null)) {
    body.push(noData(plot.top));
  }
  return document(chart.title, describe(months), titleId, descId, body);
}

/** 'No data for this period', in the middle of a plot area that starts at `plotTop`. */
function noData(plotTop: number): string {
  return text(
    {
      class: 'no-data',
      x: (PLOT_LEFT + PLOT_RIGHT) / 2,
      y: (plotTop + PLOT_BOTTOM) / 2 + 6,
      'font-size': 16,
      'text-anchor': 'middle',
      fill: COLOUR.muted,
    },
    NO_DATA,
  );
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
