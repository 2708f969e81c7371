import { checkMigrations } from '#testing';
import { workflowEntities, workflowMigrations } from '../src/database.js';

describe('workflow migrations', () => {
  it('build exactly what the entities describe, and revert to nothing', async () => {
    let newest: { version: number; levels: unknown; createdBy: string } | undefined;
    const result = await checkMigrations(
      { entities: workflowEntities, migrations: workflowMigrations },
      async (dataSource, schema) => {
        [newest] = await dataSource.query(
          `SELECT version, policy -> 'levels' AS levels, created_by AS "createdBy"
             FROM "${schema}".policy_version ORDER BY version DESC LIMIT 1`,
        );
      },
    );
    expect(result).toEqual({ pending: [], tablesLeftAfterRevert: [] });
    // The seeded policy ends with resolve deadlines that reach each body's next regular meeting.
    expect(newest).toEqual({
      version: 3,
      createdBy: 'reference-data:cadence-deadlines',
      levels: {
        group: { acknowledgeDays: 5, tableDays: 20, resolveDays: 75 },
        cag: { acknowledgeDays: 5, tableDays: 15, resolveDays: 95 },
        board: { acknowledgeDays: 5, tableDays: 20, resolveDays: 55 },
      },
    });
  });
});
