/** The parts of the chart around the data: title, legend and axes. */

import {
  COLOUR,
  HEIGHT,
  monthLabelLayout,
  PLOT_BOTTOM,
  PLOT_LEFT,
  PLOT_RIGHT,
  type Month,
  type Plot,
} from './chart-layout.js';
import { circleMarker, diamondMarker } from './chart-series.js';
import { wrap } from './chart-text.js';
import { el, num, text } from './svg.js';

/** Title and subtitle lines at the top; returns the markup and the baseline of the last line. */
export function header(title: string, subtitle?: string): { markup: string[]; bottom: number } {
  const markup: string[] = [];
  let y = 30;
  wrap(title, 72, 2).forEach((line, i) => {
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
  const trimmed = subtitle?.trim();
  if (trimmed) {
    wrap(trimmed, 105, 2).forEach((line, i) => {
      y += i === 0 ? 22 : 17;
      markup.push(
        text({ class: 'chart-subtitle', x: 24, y, 'font-size': 13, fill: COLOUR.muted }, line),
      );
    });
  }
  return { markup, bottom: y };
}

export function legend(y: number): string {
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

/** Y axis: gridlines every 10%, tick labels and title. */
export function yAxis(plot: Plot): string {
  const { low, high, y } = plot;
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
  const yMid = (plot.top + PLOT_BOTTOM) / 2;
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
  return el('g', { class: 'y-axis' }, grid.join(''));
}

/** X axis: a tick for every month, labels as laid out, and title. */
export function xAxis(plot: Plot, months: readonly Month[]): string {
  const { x } = plot;
  const layout = monthLabelLayout(months.length, plot.band);
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
  return el('g', { class: 'x-axis' }, xAxis.join(''));
}
