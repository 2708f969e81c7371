import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const CHUNK = 1000;

/** Inserts or replaces rows by their key, a chunk at a time, in the caller's transaction. */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: T[],
  key: string[],
): Promise<void> {
  for (let start = 0; start < values.length; start += CHUNK) {
    await manager.upsert(entity, values.slice(start, start + CHUNK), key);
  }
}
