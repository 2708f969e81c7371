import {
  againstTarget,
  count,
  monthName,
  percent,
  siteName,
} from '../performance/performance-labels.js';

/** One month behind a breach, as performance's breach event carries it. */
interface BreachMonth {
  period: string;
  total: number;
  within: number;
  breaches: number;
  value: number;
  target: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isMonth = (value: unknown): value is BreachMonth =>
  isRecord(value) &&
  typeof value['period'] === 'string' &&
  ['total', 'within', 'breaches', 'value', 'target'].every((key) => typeof value[key] === 'number');

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Why a case opened, from its evidence: a breach's months against their target with the
 * standard's chart, or the reason (and the evidence link) someone gave. `standardName` names a
 * standard code (performance's GET /standards); undefined when the evidence has nothing to show.
 */
export function whyItOpened(
  evidence: Record<string, unknown>,
  standardName: (code: string) => string = (code) => code,
) {
  const months = Array.isArray(evidence['months']) ? evidence['months'].filter(isMonth) : [];
  const standard = text(evidence['standard']);
  const allianceId = text(evidence['allianceId']);
  const tumourSite = text(evidence['tumourSite']);
  if (standard && allianceId && tumourSite && months.length > 0) {
    const latest = months.at(-1)!;
    const name = `${standardName(standard)}: ${siteName(tumourSite)}`;
    return {
      kind: 'breach' as const,
      summary: [
        { key: 'Standard', value: standardName(standard) },
        { key: 'Tumour site', value: siteName(tumourSite) },
        {
          key: 'Below target',
          value: `${months.length} consecutive ${months.length === 1 ? 'month' : 'months'}, to ${monthName(latest.period)}`,
        },
        {
          key: 'Latest month',
          value: `${percent(latest.value)} against a target of ${percent(latest.target)}`,
        },
      ],
      months: [...months].reverse().map((month) => ({
        period: monthName(month.period),
        patients: count(month.total),
        within: count(month.within),
        breaches: count(month.breaches),
        performance: percent(month.value),
        tag: againstTarget(month.value, month.target),
      })),
      chart: {
        src: `/performance/chart.svg?${new URLSearchParams({ allianceId, tumourSite, standard }).toString()}`,
        alt: `Line chart of ${name}, month by month against its target. In ${monthName(latest.period)}: ${percent(latest.value)} against a target of ${percent(latest.target)}. The table gives the months that opened the case.`,
      },
    };
  }
  const reason = text(evidence['reason']);
  if (reason) {
    const link = text(evidence['evidenceUrl']);
    return {
      kind: 'reason' as const,
      reason,
      evidenceUrl: link && /^https?:\/\//.test(link) ? link : undefined,
    };
  }
  return undefined;
}
