import { createTestDataSource, pendingSchemaChanges } from '#testing';

describe('messaging migrations', () => {
  it('create exactly what the entities describe, and revert cleanly', async () => {
    const dataSource = await createTestDataSource();
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration({ transaction: 'each' });
      const tables: { table_name: string }[] = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
        [dataSource.driver.schema],
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.drop();
    }
  });
});
