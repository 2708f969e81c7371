import { MONTH_ABBREVIATIONS } from '#contracts';
import { isBelow, NO_DATA, type Month } from './chart-layout.js';

/** 'Mar 26' for '2026-03'; anything that is not a month is shown as given. */
export function monthLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? MONTH_ABBREVIATIONS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]!.slice(2)}` : period;
}

/** A share to one decimal place: 0.7243 is '72.4%'. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A target without a needless decimal: 0.8 is '80%', 0.755 is '75.5%'. */
export function targetPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Splits text into at most `maxLines` lines of about `maxChars`, ending in '…' if cut short. */
export function wrap(content: string, maxChars: number, maxLines: number): string[] {
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

/** What the chart shows, in words, for the desc element. */
export function describe(months: readonly Month[]): string {
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
