import { DataSource, type DataSourceOptions, type Migration } from 'typeorm';
import { TransactionSpans } from './transaction-spans.subscriber.js';
import { schemaOf } from './schema-of.js';

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

export interface ServiceDataSourceOptions {
  /** postgres:// URL, usually DATABASE_URL. */
  url: string;
  /** The service's own schema (DATABASE_SCHEMA); its tables and migrations table live there. */
  schema: string;
  entities?: PostgresOptions['entities'];
  migrations?: PostgresOptions['migrations'];
  poolSize?: number;
  /** Shown in pg_stat_activity, which helps find who holds a lock. */
  applicationName?: string;
}

/**
 * A PostgreSQL data source confined to one service schema. `synchronize` stays off: the schema
 * changes only through migrations, which `runMigrations` applies.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    // A span per transaction while tracing is on (see tracing/).
    subscribers: [TransactionSpans],
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    ...(options.applicationName !== undefined && { applicationName: options.applicationName }),
  });
}

/**
 * Creates the service schema if needed (the migrations table lives in it) and applies pending
 * migrations, each in its own transaction. Returns the migrations applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const schema = schemaOf(dataSource);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  return dataSource.runMigrations({ transaction: 'each' });
}
