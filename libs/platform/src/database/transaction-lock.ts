import type { EntityManager } from 'typeorm';

/**
 * Takes a PostgreSQL advisory lock named `name` for the rest of the caller's transaction, if
 * no other transaction holds it: false means another instance is doing the same work now.
 * The daily checks use it so two instances never run one at the same time.
 */
export async function tryTransactionLock(manager: EntityManager, name: string): Promise<boolean> {
  const [row] = await manager.query<{ locked: boolean }[]>(
    'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
    [name],
  );
  return row?.locked === true;
}
