import type { Measure } from '#contracts';
import type { TargetScope } from './target.entity.js';

export interface TargetSpan {
  measure: Measure;
  scopeKind: TargetScope;
  scopeValue: string;
  value: number;
  lower: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface TargetQuestion {
  measure: Measure;
  /** YYYY-MM: judged by the target in force on the month's first day. */
  period: string;
  nation: string;
  allianceId?: string;
  tumourSite?: string;
}

/** The most specific scope wins: an alliance's own trajectory, then a tumour site's, then the nation's. */
const PRECEDENCE: readonly TargetScope[] = ['alliance', 'tumour-site', 'nation'];

/** The target a month is judged against, or undefined when none is set for it. */
export function targetInForce<T extends TargetSpan>(
  targets: readonly T[],
  question: TargetQuestion,
): T | undefined {
  const day = `${question.period}-01`;
  const scopeValue: Record<TargetScope, string | undefined> = {
    alliance: question.allianceId,
    'tumour-site': question.tumourSite,
    nation: question.nation,
  };
  for (const scope of PRECEDENCE) {
    const found = targets.find(
      (target) =>
        target.measure === question.measure &&
        target.scopeKind === scope &&
        target.scopeValue === scopeValue[scope] &&
        target.effectiveFrom <= day &&
        (target.effectiveTo === null || target.effectiveTo >= day),
    );
    if (found) {
      return found;
    }
  }
  return undefined;
}
