import { checkMigrations } from '#testing';
import { prioritiesEntities, prioritiesMigrations } from '../src/database.js';

describe('priorities migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    const result = await checkMigrations({
      entities: prioritiesEntities,
      migrations: prioritiesMigrations,
    });
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
  });
});
