/** How the performance pages write months, shares and tumour sites: decided here, not in templates. */

const MONTH = /^(\d{4})-(\d{2})$/;

/** "2026-05" → "May 2026"; anything else as it came. */
export function monthName(period: string): string {
  const match = MONTH.exec(period);
  if (!match) {
    return period;
  }
  return MONTH_AND_YEAR.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** Made once, as building a formatter costs far more than using one. */
const MONTH_AND_YEAR = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A share of 0 to 1 as a percentage to one place: 0.8 → "80.0%"; none → "No data". */
export function percent(share: number | null): string {
  return share === null ? 'No data' : `${(share * 100).toFixed(1)}%`;
}

/** "lung" → "Lung"; "head-and-neck" → "Head and neck". */
export function siteName(site: string | undefined): string {
  if (!site) {
    return 'All tumour sites';
  }
  const words = site.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whole numbers as counted; the CWT's half-patients (shared breaches) to one place. */
export function count(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toFixed(1);
}

/** The NHS tag for a month against its target. */
export function againstTarget(
  value: number | null,
  target: number | null,
): { text: string; classes: string } {
  if (value === null) {
    return { text: 'No patients', classes: 'nhsuk-tag--grey' };
  }
  if (target === null) {
    return { text: 'No target', classes: 'nhsuk-tag--grey' };
  }
  return value >= target
    ? { text: 'Meets target', classes: 'nhsuk-tag--green' }
    : { text: 'Below target', classes: 'nhsuk-tag--red' };
}
