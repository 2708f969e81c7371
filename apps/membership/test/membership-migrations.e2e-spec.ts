import { checkMigrations } from '#testing';
import { membershipEntities, membershipMigrations } from '../src/database.js';

describe('membership migrations', () => {
  it('build exactly what the entities describe, with the standard specialties, and revert to nothing', async () => {
    let tumourSites = 0;
    const result = await checkMigrations(
      { entities: membershipEntities, migrations: membershipMigrations },
      async (dataSource, schema) => {
        const [row] = await dataSource.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM "${schema}".specialty WHERE kind = 'tumour-site'`,
        );
        tumourSites = row?.count ?? 0;
      },
    );
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
    expect(tumourSites).toBeGreaterThanOrEqual(12);
  });
});
