import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { SERVICES } from './fleet.js';
import { groupPositions } from './group-offsets.js';

// Each service's schema is named after it (Fleet gives DATABASE_SCHEMA the service's name).
const SCHEMAS = SERVICES;

/**
 * Quiet: every outbox row on Kafka, every consumer group at the end of what it reads, no
 * e-mail waiting or being sent, no deadline past due unsettled, and nothing parked but the
 * poison about subjects nobody registered. Any error (a restart still settling) is not quiet.
 * Answers what is still pending, or '' when quiet.
 */
export async function isQuiet(
  databaseUrl: string,
  kafka: Kafka,
  groups: readonly string[],
): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const union = (select: (schema: string) => string) => SCHEMAS.map(select).join(' UNION ALL ');
    const waiting = await client.query<{ what: string; count: string }>(
      `SELECT what, count(*) AS count FROM (
         ${union((schema) => `SELECT '${schema} outbox rows unpublished' AS what FROM ${schema}.outbox_message WHERE published_at IS NULL AND parked_at IS NULL`)}
         UNION ALL ${union((schema) => `SELECT '${schema} events parked' FROM ${schema}.parked_event WHERE message_key IS NULL OR message_key NOT LIKE 'poison-unknown-subject%'`)}
         UNION ALL SELECT 'notifications ' || status FROM workflow.notification WHERE status IN ('pending', 'sending')
         UNION ALL SELECT 'deadlines past due, unsettled' FROM workflow.case_deadline WHERE settled_at IS NULL AND due_at < now() - interval '10 seconds'
       ) AS pending GROUP BY what`,
    );
    if (waiting.rows.length > 0) {
      return waiting.rows.map((row) => `${row.count} ${row.what}`).join(', ');
    }
    return await consumersBehind(kafka, groups);
  } catch (error) {
    return `not answering: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function consumersBehind(kafka: Kafka, groups: readonly string[]): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const behind = (await groupPositions(admin, groups)).filter((p) => p.committed < p.high);
    const first = behind[0];
    if (!first) {
      return '';
    }
    const partitions = behind
      .filter((p) => p.group === first.group && p.topic === first.topic)
      .map((p) => p.partition);
    return `${first.group} behind on ${first.topic} partitions ${partitions.join(',')}`;
  } finally {
    await admin.disconnect();
  }
}
