import type { DataSource } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The PostgreSQL schema a service's data source works in. Callers interpolate it into SQL
 * (table names, NOTIFY channels), so it must be set and be a plain identifier.
 */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: unknown }).schema;
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema)) {
    throw new Error(
      `The data source must name its service schema as a lower-case identifier (got ${String(schema)})`,
    );
  }
  return schema;
}
