import { checkMigrations } from '#testing';
import { workflowEntities, workflowMigrations } from '../src/database.js';

describe('workflow migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    const result = await checkMigrations({
      entities: workflowEntities,
      migrations: workflowMigrations,
    });
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
  });
});
