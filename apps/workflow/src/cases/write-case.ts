import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { EscalationCase } from './escalation-case.entity.js';

/**
 * Writes a case its caller holds locked back to its row: every column but its id and opening
 * time, and `updated_at` set by the database and read back onto the case, in one statement.
 * `save` first read the row to find what had changed; holding the lock, the case in hand is
 * the row.
 */
export async function writeCase(manager: EntityManager, escalation: EscalationCase): Promise<void> {
  const { id, openedAt: _openedAt, updatedAt: _updatedAt, ...columns } = escalation;
  // TypeORM's types refuse the JSON `evidence` as `Record<string, unknown>`; it writes it as
  // `save` does. By the entity, so TypeORM reads `updated_at` back onto it.
  const result = await manager
    .createQueryBuilder()
    .update(EscalationCase)
    .set(columns as QueryDeepPartialEntity<EscalationCase>)
    .whereEntity(escalation)
    .execute();
  if (result.affected !== 1) {
    throw new Error(`Case ${id} is not in the database to be written`);
  }
}
