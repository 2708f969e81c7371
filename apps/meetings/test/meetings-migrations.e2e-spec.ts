import { checkMigrations } from '#testing';
import { meetingsEntities, meetingsMigrations } from '../src/database.js';

describe('meetings migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    const result = await checkMigrations({
      entities: meetingsEntities,
      migrations: meetingsMigrations,
    });
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
  });
});
