import { messagingEntities, messagingMigrations } from '#messaging';
import { checkMigrations } from '#testing';

describe('messaging migrations', () => {
  it('create exactly what the entities describe, and revert cleanly', async () => {
    const result = await checkMigrations({
      entities: messagingEntities,
      migrations: messagingMigrations,
    });
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
  });
});
