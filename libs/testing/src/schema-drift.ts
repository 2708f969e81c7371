import type { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations, type ServiceDataSourceOptions } from '#platform';
import { testInfra, uniqueName } from './test-infra.js';

/**
 * The SQL TypeORM would run to make the migrated schema match the entities: empty when
 * the migrations and the entities agree. Each service's tests assert it is empty, so an
 * entity changed without a migration fails CI.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

/**
 * What each service's schema test asserts, on a scratch schema: the migrations build exactly
 * what the entities describe (`pending` is empty), and undoing them all leaves no table
 * behind. `afterMigrate` may look at the migrated schema (reference data, say) first.
 */
export async function checkMigrations(
  options: Pick<ServiceDataSourceOptions, 'entities'> & {
    migrations: readonly (new () => object)[];
  },
  afterMigrate?: (dataSource: DataSource, schema: string) => Promise<void>,
): Promise<{ pending: string[]; tablesLeftAfterRevert: string[] }> {
  const schema = uniqueName('migrations');
  const dataSource = createServiceDataSource({
    url: testInfra.databaseUrl,
    schema,
    entities: options.entities,
    migrations: [...options.migrations],
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const pending = await pendingSchemaChanges(dataSource);
    await afterMigrate?.(dataSource, schema);
    for (const _ of options.migrations) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
      [schema],
    );
    return { pending, tablesLeftAfterRevert: tables.map((table) => table.table_name) };
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
  }
}
