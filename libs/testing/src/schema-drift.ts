import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the migrated schema match the entities: empty when
 * the migrations and the entities agree. Each service's tests assert it is empty, so an
 * entity changed without a migration fails CI.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
