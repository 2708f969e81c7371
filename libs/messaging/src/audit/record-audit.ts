import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentContext, SYSTEM_ACTOR } from '#platform';

/** A write as the audit log records it; the actor and correlation come from the context. */
export interface AuditedWrite {
  readonly action: string;
  /** The fields the write set. */
  readonly changes: Record<string, unknown>;
  /** Identifiers of what it touched; defaults to every `…Id` field of `changes`. */
  readonly targets?: readonly string[];
  readonly eventId?: string;
  /** Defaults to the correlation of the request or event being handled. */
  readonly correlationId?: string;
}

/** Every string value of a field named `id` or `…Id` (or `…Ids`), top level. */
export function targetsOf(changes: Record<string, unknown>): string[] {
  const targets = new Set<string>();
  for (const [field, value] of Object.entries(changes)) {
    if (!/^(id|.+Ids?)$/.test(field)) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && item.length > 0) {
        targets.add(item);
      }
    }
  }
  return [...targets];
}

/** The INSERT of one audit entry, its parameters numbered from `$<first>`. */
export function auditInsert(schema: string, first: number): string {
  const p = Array.from({ length: 8 }, (_, index) => `$${first + index}`);
  return `INSERT INTO "${schema}"."audit_entry"
       (id, at, actor, action, targets, changes, correlation_id, causation_id, event_id)
     VALUES (${p[0]}, now(), ${p.slice(1).join(', ')})`;
}

/** The parameters of `auditInsert`, in order; the actor and causation come from the context. */
export function auditParameters(write: AuditedWrite): unknown[] {
  const context = currentContext();
  return [
    randomUUID(),
    context?.actor ?? SYSTEM_ACTOR,
    write.action,
    write.targets ?? targetsOf(write.changes),
    JSON.stringify(write.changes),
    write.correlationId ?? context?.correlationId ?? randomUUID(),
    context?.causationId ?? null,
    write.eventId ?? null,
  ];
}

/**
 * Records a write in the service's audit log, in the caller's transaction so the entry exists
 * exactly when the write does. The publisher writes one for every event in the statement that
 * writes the event; writes that publish no event call this themselves.
 */
export async function recordAudit(
  manager: EntityManager,
  schema: string,
  write: AuditedWrite,
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`Audit of ${write.action} must be written in the transaction of the write`);
  }
  await manager.query(auditInsert(schema, 1), auditParameters(write));
}
