import { againstTarget, count, monthName, percent, siteName } from './performance-labels.js';

/** A page of anything, as the services answer lists. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A month's performance of an alliance on a standard for a tumour site (GET /performance). */
export interface PerformanceRow {
  period: string;
  standard: string;
  allianceId?: string;
  tumourSite?: string;
  total: number;
  within: number;
  breaches: number;
  value: number | null;
  target: number | null;
  gap: number | null;
}

/** A measure performance is judged on (GET /standards). */
export interface StandardResponse {
  code: string;
  name: string;
  kind: 'waiting-time' | 'screening';
}

/** A breach or recovery detection announced (GET /announcements). */
export interface AnnouncementResponse {
  allianceId: string;
  tumourSite: string;
  standard: string;
  period: string;
  kind: 'breached' | 'recovered';
  announcedAt: string;
}

/** An alliance, from membership (GET /alliances). */
export interface AllianceResponse {
  id: string;
  code: string;
  name: string;
}

/** What the person asked to see. */
export interface PerformanceFilter {
  allianceId: string;
  standard?: string;
  tumourSite?: string;
  offset: number;
}

/** Charts drawn on one page at most: each is a request to the service. */
export const CHARTS_SHOWN = 8;

const SITE = /^[a-z0-9-]{2,60}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The query as the page may pass it on: an alliance id, a known standard, a tumour site as the
 * service spells them, an offset; anything else is dropped rather than sent to the service.
 */
export function filterOf(
  query: Record<string, unknown>,
  standards: readonly string[],
): PerformanceFilter | undefined {
  const text = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const allianceId = text('allianceId');
  if (!allianceId || !UUID.test(allianceId)) {
    return undefined;
  }
  const standard = text('standard');
  const tumourSite = text('tumourSite')?.toLowerCase();
  const offset = Number(text('offset') ?? 0);
  return {
    allianceId,
    ...(standard && standards.includes(standard) ? { standard } : {}),
    ...(tumourSite && SITE.test(tumourSite) ? { tumourSite } : {}),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The service's query string for the filter (and the web app's own links). */
export function queryOf(filter: PerformanceFilter, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams({ allianceId: filter.allianceId });
  if (filter.standard) {
    params.set('standard', filter.standard);
  }
  if (filter.tumourSite) {
    params.set('tumourSite', filter.tumourSite);
  }
  if (filter.offset > 0) {
    params.set('offset', String(filter.offset));
  }
  for (const [key, value] of Object.entries(extra)) {
    params.set(key, String(value));
  }
  return params.toString();
}

/**
 * The dashboard: the latest month of each standard by tumour site against its target, each
 * series month by month with its chart (whose text alternative says what the chart shows), and
 * the breaches detection announced.
 */
export function performanceView(input: {
  alliance: AllianceResponse;
  filter: PerformanceFilter;
  standards: readonly StandardResponse[];
  rows: Page<PerformanceRow>;
  announcements: Page<AnnouncementResponse>;
  roles: readonly string[];
}) {
  const { alliance, filter, rows } = input;
  const waiting = input.standards.filter((standard) => standard.kind === 'waiting-time');
  const nameOf = (code: string) => waiting.find((standard) => standard.code === code)?.name ?? code;

  // The service orders rows by group, standard and month: each series is a run of them.
  const series = new Map<string, PerformanceRow[]>();
  for (const row of rows.items) {
    const key = `${row.standard}|${row.tumourSite ?? ''}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  const groups = [...series.values()].map((months, index) => {
    const first = months[0]!;
    const latest = months.at(-1)!;
    const heading = `${nameOf(first.standard)}: ${siteName(first.tumourSite)}`;
    const tag = againstTarget(latest.value, latest.target);
    return {
      id: `series-${index + 1}`,
      heading,
      standard: nameOf(first.standard),
      site: siteName(first.tumourSite),
      latest: {
        period: monthName(latest.period),
        performance: percent(latest.value),
        target: percent(latest.target),
        tag,
      },
      chart:
        index < CHARTS_SHOWN && first.tumourSite
          ? {
              src: `/performance/chart.svg?${new URLSearchParams({
                allianceId: alliance.id,
                tumourSite: first.tumourSite,
                standard: first.standard,
              }).toString()}`,
              alt: `Line chart of ${heading} for ${alliance.name}, month by month against its target. In ${monthName(latest.period)}: ${percent(latest.value)} against a target of ${percent(latest.target)} (${tag.text.toLowerCase()}). The table below gives every month.`,
            }
          : undefined,
      months: [...months].reverse().map((row) => ({
        period: monthName(row.period),
        patients: count(row.total),
        within: count(row.within),
        performance: percent(row.value),
        target: percent(row.target),
        tag: againstTarget(row.value, row.target),
      })),
    };
  });

  const pageLink = (offset: number) => `/performance?${queryOf({ ...filter, offset })}`;
  return {
    alliance: { id: alliance.id, name: alliance.name, code: alliance.code },
    standardItems: [
      { value: '', text: 'All standards', selected: !filter.standard },
      ...waiting.map((standard) => ({
        value: standard.code,
        text: standard.name,
        selected: standard.code === filter.standard,
      })),
    ],
    tumourSite: filter.tumourSite ?? '',
    filtered: filter.standard !== undefined || filter.tumourSite !== undefined,
    groups,
    empty: rows.total === 0,
    shown:
      rows.total > rows.items.length
        ? `Months ${rows.offset + 1} to ${rows.offset + rows.items.length} of ${rows.total}`
        : undefined,
    previous: rows.offset > 0 ? pageLink(Math.max(0, rows.offset - rows.limit)) : undefined,
    next:
      rows.offset + rows.items.length < rows.total ? pageLink(rows.offset + rows.limit) : undefined,
    breaches: input.announcements.items.map((announcement) => ({
      period: monthName(announcement.period),
      site: siteName(announcement.tumourSite),
      standard: nameOf(announcement.standard),
      tag:
        announcement.kind === 'breached'
          ? { text: 'Breached', classes: 'nhsuk-tag--red' }
          : { text: 'Recovered', classes: 'nhsuk-tag--green' },
    })),
    moreBreaches:
      input.announcements.total > input.announcements.items.length
        ? input.announcements.total - input.announcements.items.length
        : 0,
    mayUpload: input.roles.includes('admin'),
  };
}
