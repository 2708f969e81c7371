import { createServiceDataSource, runMigrations } from '#platform';
import { pendingSchemaChanges, testInfra, uniqueName } from '#testing';
import { membershipEntities, membershipMigrations } from '../src/database.js';

describe('membership migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    const schema = uniqueName('membership_migrations');
    const dataSource = createServiceDataSource({
      url: testInfra.databaseUrl,
      schema,
      entities: membershipEntities,
      migrations: membershipMigrations,
    });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      const specialties: { count: string }[] = await dataSource.query(
        `SELECT count(*) FROM "${schema}".specialty WHERE kind = 'tumour-site'`,
      );
      expect(Number(specialties[0]?.count)).toBeGreaterThanOrEqual(12);
      for (const _ of membershipMigrations) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const tables: unknown[] = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
        [schema],
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
    }
  });
});
