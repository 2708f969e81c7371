import pg from 'pg';
import type { PlatformEventMap, AnyEventOf } from '#contracts';
import { mailDomain, threadHeaders } from '../../apps/workflow/src/notifications/email-thread.js';
import { escalationPolicySchema } from '../../apps/workflow/src/policy/policy.schema.js';
import { TRIGGER_EVENT_TYPES, triggerFromEvent } from '../../apps/workflow/src/policy/triggers.js';
import { deadlineJobId } from '../../apps/workflow/src/timers/deadline-jobs.js';
import type { ChaosApi } from './chaos-api.js';
import { finding, type LedgerFinding, type LedgerInput } from './ledger-finding.js';
import { poison } from './ledger-messages.js';
import { SERVICES } from './fleet.js';

// Each service's schema is named after it (Fleet gives DATABASE_SCHEMA the service's name).
const SCHEMAS = SERVICES;

/**
 * The effects ledger, read when the platform is quiet: what each trigger, deadline,
 * notification and poison message should have left behind, against what is in the databases,
 * on the SMTP server and on the dead-letter topics.
 */
export async function checkLedger(input: LedgerInput): Promise<LedgerFinding[]> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    return [
      await triggers(client),
      await raises(client, input.raised),
      await histories(client, input.api),
      await deadlines(client, input.quietAt),
      await notifications(client, input.received, input.mailFrom, input.quietAt),
      ...(await poison(input)),
      await parked(client),
    ];
  } finally {
    await client.end();
  }
}

/** Every trigger event gave exactly one opened or trigger-updated entry in a case's history. */
async function triggers(client: pg.Client): Promise<LedgerFinding> {
  const policyRow = await client.query<{ document: unknown }>(
    `SELECT policy AS document FROM workflow.policy_version ORDER BY version DESC LIMIT 1`,
  );
  const policy = escalationPolicySchema.parse(policyRow.rows[0]!.document);
  const events = await client.query<{ envelope: AnyEventOf<PlatformEventMap> }>(
    `SELECT envelope FROM priorities.outbox_message WHERE event_type = ANY($1)
     UNION ALL SELECT envelope FROM performance.outbox_message WHERE event_type = ANY($1)
     UNION ALL SELECT envelope FROM meetings.outbox_message WHERE event_type = ANY($1)`,
    [[...TRIGGER_EVENT_TYPES]],
  );
  const entries = await entriesByCause(client, 'event');
  let expected = 0;
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const { envelope } of events.rows) {
    const count = entries.get(envelope.id) ?? 0;
    if (count > 1) {
      duplicated.push(`${envelope.type} ${envelope.id}: ${count} entries`);
    }
    if (triggerFromEvent(policy, envelope)) {
      expected += 1;
      if (count === 0) {
        lost.push(`${envelope.type} ${envelope.id}: no case entry`);
      }
    }
  }
  return finding(
    'every trigger gave exactly one case or trigger-updated entry',
    {
      events: events.rowCount ?? 0,
      triggers: expected,
      lost: lost.length,
      duplicated: duplicated.length,
    },
    [...lost, ...duplicated],
  );
}

async function entriesByCause(client: pg.Client, kind: string): Promise<Map<string, number>> {
  const rows = await client.query<{ ref: string; count: string }>(
    `SELECT cause->>'ref' AS ref, count(*) AS count FROM workflow.case_history
      WHERE cause->>'kind' = $1 AND transition <> 'note-added' GROUP BY 1`,
    [kind],
  );
  return new Map(rows.rows.map((row) => [row.ref, Number(row.count)]));
}

/** Every raise the workflow accepted is exactly one case. */
async function raises(client: pg.Client, raised: readonly string[]): Promise<LedgerFinding> {
  const rows = await client.query<{ title: string; count: string }>(
    `SELECT title, count(*) AS count FROM workflow.escalation_case WHERE title LIKE 'Chaos raise %' GROUP BY 1`,
  );
  const counts = new Map(
    rows.rows.map((row) => [row.title.slice('Chaos raise '.length), Number(row.count)]),
  );
  const lost = raised
    .filter((token) => !counts.has(token))
    .map((token) => `raise ${token}: no case`);
  const duplicated = [...counts]
    .filter(([, count]) => count > 1)
    .map(([token, count]) => `raise ${token}: ${count} cases`);
  return finding(
    'every accepted raise is exactly one case',
    {
      raises: raised.length,
      lost: lost.length,
      duplicated: duplicated.length,
    },
    [...lost, ...duplicated],
  );
}

/** Every case's history runs 1..n with no gap, ends at its head, and its chain verifies. */
async function histories(client: pg.Client, api: ChaosApi): Promise<LedgerFinding> {
  const cases = await client.query<{
    id: string;
    history_length: number;
    head_hash: string;
    entries: string;
    last: number;
    last_hash: string;
  }>(
    `SELECT c.id, c.history_length, c.head_hash, count(h.*) AS entries, max(h.sequence) AS last,
            (SELECT hash FROM workflow.case_history WHERE case_id = c.id ORDER BY sequence DESC LIMIT 1) AS last_hash
       FROM workflow.escalation_case c LEFT JOIN workflow.case_history h ON h.case_id = c.id GROUP BY c.id`,
  );
  const bad: string[] = [];
  for (const row of cases.rows) {
    if (
      Number(row.entries) !== row.history_length ||
      Number(row.last) !== row.history_length ||
      row.last_hash !== row.head_hash
    ) {
      bad.push(
        `case ${row.id}: ${row.entries} entries, last ${row.last}, length ${row.history_length}`,
      );
      continue;
    }
    const verified = await api.get<{ valid: boolean; reason?: string }>(
      'workflow',
      `/cases/${row.id}/history/verify`,
    );
    if (!verified.valid) {
      bad.push(`case ${row.id}: chain broken: ${verified.reason ?? ''}`);
    }
  }
  return finding(
    'every case history is gap-free and its chain verifies',
    { cases: cases.rowCount ?? 0, broken: bad.length },
    bad,
  );
}

/** Every deadline due has been settled, and none fired twice. */
async function deadlines(client: pg.Client, quietAt: Date): Promise<LedgerFinding> {
  const rows = await client.query<{
    case_id: string;
    level: string;
    kind: string;
    due_at: Date;
    outcome: string | null;
    settled_at: Date | null;
  }>(`SELECT case_id, level, kind, due_at, outcome, settled_at FROM workflow.case_deadline`);
  const timerEntries = await entriesByCause(client, 'timer');
  const due = rows.rows.filter((row) => row.due_at.getTime() < quietAt.getTime() - 10_000);
  const unsettled = due
    .filter((row) => row.settled_at === null)
    .map(
      (row) =>
        `deadline ${row.case_id} ${row.level} ${row.kind} due ${row.due_at.toISOString()} not settled`,
    );
  const twice = [...timerEntries]
    .filter(([, count]) => count > 1)
    .map(([ref, count]) => `timer ${ref}: ${count} entries`);
  const fired = rows.rows.filter((row) => row.outcome === 'fired');
  const firedWithoutEntry = fired
    .filter(
      (row) =>
        !timerEntries.has(
          deadlineJobId({
            caseId: row.case_id,
            level: row.level,
            kind: row.kind,
            dueAt: row.due_at,
          }),
        ),
    )
    .map((row) => `deadline ${row.case_id} ${row.level} ${row.kind}: fired, no history entry`);
  return finding(
    'every deadline due fired exactly once',
    {
      deadlines: rows.rowCount ?? 0,
      due: due.length,
      fired: fired.length,
      unsettled: unsettled.length,
      'fired twice': twice.length,
      'fired, no entry': firedWithoutEntry.length,
    },
    [...unsettled, ...twice, ...firedWithoutEntry],
  );
}

/** Every e-mail planned arrived exactly once (its Message-ID once), or is recorded failed. */
async function notifications(
  client: pg.Client,
  received: readonly string[],
  mailFrom: string,
  quietAt: Date,
): Promise<LedgerFinding> {
  const rows = await client.query<{
    id: string;
    case_id: string | null;
    member_id: string;
    dedup_key: string;
    status: string;
    last_error: string | null;
    attempts: number;
  }>(
    `SELECT id, case_id, member_id, dedup_key, status, last_error, attempts FROM workflow.notification
      WHERE channel = 'email' AND created_at < $1`,
    [quietAt],
  );
  const arrivals = new Map<string, number>();
  for (const id of received) {
    arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
  }
  const domain = mailDomain(mailFrom);
  const bad: string[] = [];
  let sent = 0;
  let failed = 0;
  for (const row of rows.rows) {
    const { messageId } = threadHeaders(
      { id: row.id, caseId: row.case_id, memberId: row.member_id, dedupKey: row.dedup_key },
      domain,
    );
    const count = arrivals.get(messageId) ?? 0;
    if (row.status === 'sent') {
      sent += 1;
      if (count !== 1) {
        bad.push(
          `notification ${row.id} (${row.dedup_key}, Message-ID ${messageId}, attempts ${row.attempts}, last error ${row.last_error ?? 'none'}): sent, arrived ${count} times`,
        );
      }
    } else if (row.status === 'failed') {
      failed += 1;
      if (count > 1) {
        bad.push(`notification ${row.id}: failed, arrived ${count} times`);
      }
    } else {
      bad.push(`notification ${row.id}: still ${row.status}`);
    }
  }
  const repeated = [...arrivals].filter(([, count]) => count > 1).length;
  return finding(
    'every notification arrived exactly once or is recorded failed',
    {
      planned: rows.rowCount ?? 0,
      sent,
      failed,
      'e-mails received': received.length,
      'Message-IDs repeated': repeated,
    },
    bad,
    bad.length === 0 && repeated === 0,
  );
}

/** Nothing is parked but the poison about subjects nobody registered. */
async function parked(client: pg.Client): Promise<LedgerFinding> {
  const rows = await client.query<{ schema: string; message_key: string | null; reason: string }>(
    SCHEMAS.map(
      (schema) => `SELECT '${schema}' AS schema, message_key, reason FROM ${schema}.parked_event`,
    ).join(' UNION ALL '),
  );
  const outbox = await client.query<{
    schema: string;
    event_id: string;
    event_type: string;
    park_reason: string | null;
  }>(
    SCHEMAS.map(
      (schema) =>
        `SELECT '${schema}' AS schema, event_id, event_type, park_reason FROM ${schema}.outbox_message WHERE parked_at IS NOT NULL OR published_at IS NULL`,
    ).join(' UNION ALL '),
  );
  const unexplained = rows.rows
    .filter((row) => !row.message_key?.startsWith('poison-unknown-subject'))
    .map((row) => `${row.schema}: ${row.message_key ?? '(no key)'} parked: ${row.reason}`);
  const stuck = outbox.rows.map(
    (row) =>
      `${row.schema} outbox ${row.event_type} ${row.event_id}: ${row.park_reason ? `parked: ${row.park_reason}` : 'unpublished'}`,
  );
  return finding(
    'nothing is parked unexplained, every outbox row is on Kafka',
    {
      parked: rows.rowCount ?? 0,
      unexplained: unexplained.length,
      'outbox rows stuck': stuck.length,
    },
    [...unexplained, ...stuck],
  );
}
