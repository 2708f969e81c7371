import type { Kafka } from 'kafkajs';
import type { ChaosApi } from './chaos-api.js';
import type { PoisonSent } from './poison.js';

export interface LedgerInput {
  databaseUrl: string;
  kafka: Kafka;
  api: ChaosApi;
  /** Message-IDs the SMTP server accepted, in order, repeats kept. */
  received: readonly string[];
  raised: readonly string[];
  poison: readonly PoisonSent[];
  mailFrom: string;
  groups: readonly string[];
  /** When the platform was quiet: what came due or was planned later is not yet owed. */
  quietAt: Date;
}

export interface LedgerFinding {
  check: string;
  ok: boolean;
  figures: Record<string, number>;
  examples: string[];
}

export function finding(
  check: string,
  figures: Record<string, number>,
  bad: string[],
  okWhen = bad.length === 0,
): LedgerFinding {
  return { check, ok: okWhen, figures, examples: bad.slice(0, 5) };
}
