import { checkMigrations } from '#testing';
import { performanceEntities, performanceMigrations } from '../src/database.js';

describe('performance migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    const result = await checkMigrations({
      entities: performanceEntities,
      migrations: performanceMigrations,
    });
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
  });
});
