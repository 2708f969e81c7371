import { DomainError } from '#platform';

export type ConsumeOutcome =
  | 'handled'
  | 'duplicate'
  | 'ignored'
  | 'skipped'
  | 'retried'
  | 'parked'
  | 'unparked'
  | 'dead-lettered';

/**
 * What the consumer does with a domain error a handler throws: a refused or conflicting command
 * changes nothing and never will (skip it); what is not known yet may be known in a second or in
 * a day (park it, so the partition moves on, and try it again later); a message naming what does
 * not exist or breaking a rule will fail however often it is tried (dead-letter); anything else
 * may pass on a second try (retry in place, then dead-letter).
 */
export function dispositionOf(error: unknown): 'skip' | 'park' | 'retry' | 'dead-letter' {
  if (!(error instanceof DomainError)) {
    return 'retry';
  }
  switch (error.kind) {
    case 'conflict':
    case 'refused':
      return 'skip';
    case 'not-known-yet':
      return 'park';
    case 'invalid':
    case 'not-found':
    case 'unprocessable':
      return 'dead-letter';
  }
}

/** What a handler's error says the event waits for (`body:<id>`...), when it says. */
export function waitsForOf(error: unknown): string | null {
  const waitsFor = error instanceof DomainError ? error.details['waitsFor'] : undefined;
  return typeof waitsFor === 'string' ? waitsFor.slice(0, 300) : null;
}
