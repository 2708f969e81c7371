import { COLOUR, isBelow, runs, type Month, type Plot } from './chart-layout.js';
import { percent, targetPercent } from './chart-text.js';
import { el, escapeXml, num, text, type Attrs } from './svg.js';

function diamond(x: number, y: number, r: number): string {
  return `M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z`;
}

/** A month on or above target, or with no target: a blue circle. */
export function circleMarker(x: number, y: number, attrs: Attrs = {}, content?: string): string {
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

/** A month below target: a red diamond, told apart by its shape as well as its colour. */
export function diamondMarker(x: number, y: number, attrs: Attrs = {}, content?: string): string {
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

/** Target: a dashed step line, stepping at the boundary between months, labelled at its end. */
export function targetLine(plot: Plot, months: readonly Month[]): string {
  const { xStart, y } = plot;
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
          y: ty - 7 < plot.top + 12 ? ty + 17 : ty - 7,
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
  return el('g', { class: 'target' }, targetMarkup.join(''));
}

/** Measure: a line through each run of months with data, then a marker for each month. */
export function measureSeries(plot: Plot, months: readonly Month[]): string {
  const { x, y } = plot;
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
  return el('g', { class: 'series' }, measure.join(''));
}
