import type { EntityManager } from 'typeorm';

const keyOf = (key: string) => `readOnce:${key}`;

/**
 * A read made once per transaction, however many steps of its handling ask for it: kept on the
 * query runner's user data (as afterCommit's ids are), which is the transaction's own, since
 * every transaction here runs on a query runner of its own that ends with it. Only for rows the
 * transaction cannot change, such as a published policy version. Outside a transaction it
 * reads every time.
 */
export function readOnce<T>(
  manager: EntityManager,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  const data = manager.queryRunner?.isTransactionActive ? manager.queryRunner.data : undefined;
  if (!data) {
    return read();
  }
  const kept = data[keyOf(key)] as Promise<T> | undefined;
  if (kept) {
    return kept;
  }
  const reading = read();
  data[keyOf(key)] = reading;
  return reading;
}
