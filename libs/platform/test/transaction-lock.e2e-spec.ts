import { createServiceDataSource, tryTransactionLock } from '#platform';
import { testInfra, uniqueName } from '#testing';

describe('tryTransactionLock (real PostgreSQL)', () => {
  it('lets one transaction at a time hold a named lock, until it ends', async () => {
    const dataSource = createServiceDataSource({
      url: testInfra.databaseUrl,
      schema: 'public',
      poolSize: 3,
    });
    await dataSource.initialize();
    const name = uniqueName('lock');
    const [first, second] = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      await first.startTransaction();
      await second.startTransaction();
      expect(await tryTransactionLock(first.manager, name)).toBe(true);
      expect(await tryTransactionLock(second.manager, name)).toBe(false);
      expect(await tryTransactionLock(second.manager, `${name}-other`)).toBe(true);
      await first.commitTransaction();
      await second.rollbackTransaction();
      await second.startTransaction();
      expect(await tryTransactionLock(second.manager, name)).toBe(true);
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
      await dataSource.destroy();
    }
  });
});
