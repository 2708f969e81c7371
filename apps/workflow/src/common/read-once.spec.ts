import type { EntityManager } from 'typeorm';
import { readOnce } from './read-once.js';

const managerWith = (isTransactionActive: boolean) =>
  ({ queryRunner: { isTransactionActive, data: {} } }) as unknown as EntityManager;

describe('readOnce', () => {
  it('reads once per transaction, each key apart', async () => {
    const manager = managerWith(true);
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));
    expect(await readOnce(manager, 'a', read)).toBe(1);
    expect(await readOnce(manager, 'a', read)).toBe(1);
    expect(await readOnce(manager, 'b', read)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps nothing between transactions, each on its own query runner', async () => {
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));
    expect(await readOnce(managerWith(true), 'a', read)).toBe(1);
    expect(await readOnce(managerWith(true), 'a', read)).toBe(2);
  });

  it('reads every time outside a transaction', async () => {
    const manager = managerWith(false);
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));
    await readOnce(manager, 'a', read);
    await readOnce(manager, 'a', read);
    expect(reads).toBe(2);
  });
});
