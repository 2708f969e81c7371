/** Treatments an alliance gave for a tumour site in a month. */
export interface MonthVolume {
  allianceId: string;
  tumourSite: string;
  /** YYYY-MM */
  period: string;
  volume: number;
}

/** The same alliance and tumour site's 2019/20 volume for a calendar month (1 to 12). */
export interface MonthBaseline {
  allianceId: string;
  tumourSite: string;
  month: number;
  volume: number;
}

export interface VolumeAgainstBaseline extends MonthVolume {
  /** The baseline for the same calendar month; null when none is held. */
  baseline: number | null;
  /** Volume over baseline (1.05 is 5% above), to four places; null without a baseline above 0. */
  shareOfBaseline: number | null;
  /** Volume minus baseline, to one place; null without a baseline. */
  difference: number | null;
}

const keyOf = (allianceId: string, tumourSite: string, month: number) =>
  `${allianceId} ${tumourSite} ${month}`;

/**
 * Each month's volume beside the baseline for the same calendar month: April 2026 against
 * April 2019, whatever the year, since treatment volumes are seasonal.
 */
export function compareWithBaseline(
  volumes: readonly MonthVolume[],
  baselines: readonly MonthBaseline[],
): VolumeAgainstBaseline[] {
  const byMonth = new Map(
    baselines.map((b) => [keyOf(b.allianceId, b.tumourSite, b.month), b.volume]),
  );
  return volumes.map((row) => {
    const month = Number(row.period.slice(5, 7));
    const baseline = byMonth.get(keyOf(row.allianceId, row.tumourSite, month)) ?? null;
    return {
      ...row,
      baseline,
      shareOfBaseline:
        baseline === null || baseline === 0 ? null : Number((row.volume / baseline).toFixed(4)),
      difference: baseline === null ? null : Number((row.volume - baseline).toFixed(1)),
    };
  });
}
