import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './readiness-check.js';

/** Ready when the service's TypeORM data source answers `SELECT 1` on its pooled connection. */
export function databaseCheck(
  dataSource: DataSource,
  options: { name?: string } = {},
): ReadinessCheck {
  return {
    name: options.name ?? 'database',
    async run() {
      if (!dataSource.isInitialized) {
        throw new Error('data source is not initialized');
      }
      // A pooled connection: nothing opened here, nothing to close, even when the probe gives up.
      await dataSource.query('SELECT 1');
    },
  };
}
