import { renderPerformanceChart, type ChartPoint } from './performance-chart.js';

const TITLE = 'East of England Cancer Alliance: lung, 28-day Faster Diagnosis Standard';
const SUBTITLE = 'Share of patients told within 28 days, by month';

/** Consecutive months from `start` ('YYYY-MM'), one for each value. */
function series(
  start: string,
  values: readonly (number | null)[],
  target: number | null | readonly (number | null)[] = 0.8,
): ChartPoint[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return values.map((value, i) => {
    const index = year * 12 + month - 1 + i;
    return {
      period: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      value,
      target: Array.isArray(target) ? (target[i] as number | null) : (target as number | null),
    };
  });
}

/**
 * Checks the document is well formed as far as markup goes: every opened tag is closed in order,
 * nothing is left of '<' or '>' outside tags, and every '&' starts an entity.
 */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<>]*")*)\s*(\/?)>/g;
  for (const match of svg.matchAll(tag)) {
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      expect(stack.pop()).toBe(name);
    } else if (!selfClosing) {
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  const outsideTags = svg.replace(tag, '');
  expect(outsideTags).not.toMatch(/[<>]/);
  expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/);
}

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

function elements(svg: string, name: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<${name} class="${className}"[^>]*>`, 'g'))].map((m) => m[0]);
}

function xLabels(svg: string): string[] {
  return [...svg.matchAll(/<text class="x-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

function yLabels(svg: string): string[] {
  return [...svg.matchAll(/<text class="y-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** Markers in order, each with its class, centre and title text. */
function markers(svg: string): { below: boolean; period: string; title: string }[] {
  return [
    ...svg.matchAll(
      /<(?:circle|path) class="(marker(?: marker-below)?)" data-period="([^"]*)"[^>]*><title>([^<]*)<\/title><\/(?:circle|path)>/g,
    ),
  ].map((m) => ({ below: m[1] === 'marker marker-below', period: m[2]!, title: m[3]! }));
}

function circleX(svg: string, period: string): number {
  const circle = new RegExp(`<circle class="marker" data-period="${period}"[^>]*>`).exec(svg)?.[0];
  return Number(attr(circle ?? '', 'cx'));
}

/** The commands of a path's d attribute, e.g. [['M', 72, 100], ['H', 300], ['V', 90]]. */
function commands(d: string): [string, ...number[]][] {
  return [...d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)].map((m) => [
    m[1]!,
    ...m[2]!
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  ]);
}

function desc(svg: string): string {
  return /<desc id="[^"]*">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
}

describe('performance chart', () => {
  const typical = series('2026-01', [0.81, 0.78, 0.724, 0.83, 0.79, 0.85], 0.8);

  it('renders a complete, labelled, standalone SVG document', () => {
    const svg = renderPerformanceChart({ title: TITLE, subtitle: SUBTITLE, points: typical });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/ width="800" height="420" viewBox="0 0 800 420"/);
    expect(svg).toContain('role="img"');
    expectWellFormed(svg);

    const [titleId, descId] = (attr(svg, 'aria-labelledby') ?? '').split(' ');
    expect(svg).toContain(`<title id="${titleId}">${TITLE}</title>`);
    expect(svg).toMatch(new RegExp(`<desc id="${descId}">[^<]+</desc>`));
    expect(titleId).not.toBe(descId);

    expect(elements(svg, 'text', 'chart-title').length).toBeGreaterThan(0);
    expect(svg).toContain(`>${TITLE}</text>`);
    expect(svg).toContain(`>${SUBTITLE}</text>`);
    expect(svg).toContain('>Patients within standard (%)</text>');
    expect(svg).toContain('>Month</text>');
    expect(svg).toMatch(/<g class="legend">.*>Performance<.*>Target<.*>Below target</s);
  });

  it('renders the same chart as the same text, with coordinates to at most two decimals', () => {
    const chart = { title: TITLE, points: series('2025-04', [0.7123456, 0.6666667, 0.7777777]) };
    const svg = renderPerformanceChart(chart);
    expect(renderPerformanceChart(chart)).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3,}/);
  });

  it('escapes text from the input', () => {
    const svg = renderPerformanceChart({
      title: 'Alliance <A&B> "North"',
      subtitle: "Patients' <script>",
      points: typical,
    });
    expectWellFormed(svg);
    expect(svg).not.toContain('<A&B>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Alliance &lt;A&amp;B&gt; &quot;North&quot;');
    expect(svg).toContain('Patients&apos; &lt;script&gt;');
    expect(svg).toMatch(/<title id="[^"]*">Alliance &lt;A&amp;B&gt; &quot;North&quot;<\/title>/);
  });

  it('labels every month of a short series', () => {
    const svg = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.7, 0.8, 0.9]),
    });
    expect(xLabels(svg)).toEqual(['Jan 26', 'Feb 26', 'Mar 26']);
    expect(svg).not.toContain('rotate(-45');
  });

  it('rotates the labels of a two-year series, keeping the first and last month', () => {
    const values = Array.from({ length: 24 }, (_, i) => 0.7 + (i % 5) * 0.03);
    const svg = renderPerformanceChart({ title: TITLE, points: series('2024-11', values) });
    const labels = xLabels(svg);
    expect(labels[0]).toBe('Nov 24');
    expect(labels.at(-1)).toBe('Oct 26');
    expect(labels).toHaveLength(24);
    expect(labels).toContain('Dec 24');
    expect(labels).toContain('Jan 25');
    expect(elements(svg, 'text', 'x-label').every((label) => /rotate\(-45 /.test(label))).toBe(
      true,
    );
    expect(markers(svg)).toHaveLength(24);
  });

  it('thins the labels of a long series to at least every third month, keeping both ends', () => {
    const values = Array.from({ length: 61 }, () => 0.75);
    const points = series('2021-01', values);
    const svg = renderPerformanceChart({ title: TITLE, points });
    const labels = xLabels(svg);
    const names = [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ];
    const all = points.map(
      ({ period }) => `${names[Number(period.slice(5)) - 1]} ${period.slice(2, 4)}`,
    );
    const indices = labels.map((label) => all.indexOf(label));
    expect(labels.length).toBeLessThan(61);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(60);
    expect(labels[0]).toBe('Jan 21');
    expect(labels.at(-1)).toBe('Jan 26');
    for (let i = 1; i < indices.length; i++) {
      const gap = indices[i]! - indices[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(3);
    }
  });

  it('marks the months below their target with a distinct marker and titles every marker', () => {
    // Below target: 78% and 72.4% against 80%, and 75% against 77%; 80% against 80% and 76%
    // against 75% are on target.
    const points = series(
      '2026-01',
      [0.81, 0.78, 0.724, 0.8, 0.76, 0.75, null],
      [0.8, 0.8, 0.8, 0.8, 0.75, 0.77, 0.77],
    );
    const svg = renderPerformanceChart({ title: TITLE, points });
    const found = markers(svg);
    expect(found.map((m) => m.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(found.filter((m) => m.below).map((m) => m.period)).toEqual([
      '2026-02',
      '2026-03',
      '2026-06',
    ]);
    expect(elements(svg, 'path', 'marker marker-below')).toHaveLength(3);
    expect(elements(svg, 'circle', 'marker')).toHaveLength(3);
    expect(found.map((m) => m.title)).toEqual([
      'Jan 26: 81.0% (target 80%)',
      'Feb 26: 78.0% (target 80%)',
      'Mar 26: 72.4% (target 80%)',
      'Apr 26: 80.0% (target 80%)',
      'May 26: 76.0% (target 75%)',
      'Jun 26: 75.0% (target 77%)',
    ]);
    const noTarget = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.5], null),
    });
    expect(markers(noTarget)).toEqual([
      { below: false, period: '2026-01', title: 'Jan 26: 50.0% (no target)' },
    ]);
  });

  it('draws the target as a step line that steps between the months where it changes', () => {
    const points = series('2026-01', [0.85, 0.86, 0.87, 0.88], [0.77, 0.77, 0.8, 0.8]);
    const svg = renderPerformanceChart({ title: TITLE, points });
    const lines = elements(svg, 'path', 'target-line');
    expect(lines).toHaveLength(1);
    expect(attr(lines[0]!, 'stroke-dasharray')).toBeDefined();
    const steps = commands(attr(lines[0]!, 'd')!);
    expect(steps.map(([command]) => command)).toEqual(['M', 'H', 'V', 'H']);
    const y77 = steps[0]![2]!;
    const stepX = steps[1]![1]!;
    const y80 = steps[2]![1]!;
    expect(y80).toBeLessThan(y77);
    expect(stepX).toBeGreaterThan(circleX(svg, '2026-02'));
    expect(stepX).toBeLessThan(circleX(svg, '2026-03'));
    expect(stepX).toBeCloseTo((circleX(svg, '2026-02') + circleX(svg, '2026-03')) / 2, 1);
    expect(svg).toMatch(/<text class="target-label"[^>]*>Target 80%<\/text>/);
    expect(svg).not.toContain('Target 77%');
  });

  it('breaks the target line where no target is set and labels the last segment', () => {
    const points = series('2026-01', [0.7, 0.7, 0.7, 0.7], [0.75, null, 0.8, 0.8]);
    const svg = renderPerformanceChart({ title: TITLE, points });
    expect(elements(svg, 'path', 'target-line')).toHaveLength(2);
    expect(svg).toContain('>Target 80%</text>');
  });

  it('leaves a gap in the line where a month has no data', () => {
    const points = series('2026-01', [0.8, 0.82, null, 0.79, 0.81]);
    const svg = renderPerformanceChart({ title: TITLE, points });
    const lines = elements(svg, 'polyline', 'measure');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => attr(line, 'points')!.split(' ').length)).toEqual([2, 2]);
    expect(markers(svg).map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-04', '2026-05']);
    expect(xLabels(svg)).toContain('Mar 26');

    const whole = renderPerformanceChart({ title: TITLE, points: series('2026-01', [0.8, 0.82]) });
    expect(elements(whole, 'polyline', 'measure')).toHaveLength(1);
  });

  it('chooses a y range in 10% steps that contains every value and target', () => {
    const tight = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.64, 0.72, 0.81], 0.75),
    });
    expect(yLabels(tight)).toEqual(['60%', '70%', '80%', '90%']);
    const wide = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.15, 0.9], 0.85),
    });
    expect(yLabels(wide)).toEqual([
      '0%',
      '10%',
      '20%',
      '30%',
      '40%',
      '50%',
      '60%',
      '70%',
      '80%',
      '90%',
    ]);
    const top = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.97, 1], 0.96),
    });
    expect(yLabels(top)).toEqual(['80%', '90%', '100%']);
  });

  it('summarises the chart in its description', () => {
    const points = series(
      '2025-11',
      [0.81, 0.78, null, 0.724, 0.82, 0.76],
      [0.77, 0.8, 0.8, 0.8, 0.8, 0.8],
    );
    const svg = renderPerformanceChart({ title: TITLE, subtitle: SUBTITLE, points });
    expect(desc(svg)).toBe(
      '6 months from Nov 25 to Apr 26. Latest value (Apr 26): 76.0% against a target of 80%. ' +
        'Below target in 3 of 5 months with a value and a target. No data for 1 month.',
    );
    const latestMissing = renderPerformanceChart({
      title: TITLE,
      points: series('2026-01', [0.9, 0.85, null], null),
    });
    expect(desc(latestMissing)).toBe(
      '3 months from Jan 26 to Mar 26. Latest value (Feb 26): 85.0%, with no target set. ' +
        'No month has both a value and a target. No data for 1 month.',
    );
  });

  it('renders a valid chart saying there is no data when there are no months', () => {
    const svg = renderPerformanceChart({
      title: 'Alliance & <site>',
      subtitle: SUBTITLE,
      points: [],
    });
    expectWellFormed(svg);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title id="');
    expect(svg).toContain('>Alliance &amp; &lt;site&gt;</text>');
    expect(svg).toMatch(/<text class="no-data"[^>]*>No data for this period<\/text>/);
    expect(desc(svg)).toBe('No data for this period.');
    expect(svg).not.toContain('<polyline');
    expect(markers(svg)).toEqual([]);
    expect(elements(svg, 'path', 'target-line')).toEqual([]);
  });

  it('says there is no data when every month is missing its value', () => {
    const svg = renderPerformanceChart({ title: TITLE, points: series('2026-01', [null, null]) });
    expectWellFormed(svg);
    expect(svg).toContain('>No data for this period</text>');
    expect(xLabels(svg)).toEqual(['Jan 26', 'Feb 26']);
    expect(svg).not.toContain('<polyline');
    expect(desc(svg)).toBe('2 months from Jan 26 to Feb 26. No data for this period.');
  });
});
