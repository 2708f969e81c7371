import { messagingEntities, messagingMigrations } from '#messaging';
import { createTestDataSource, uniqueName } from '#testing';
import { performanceEntities, performanceMigrations } from '../src/database.js';
import { uptakeStatus } from '../src/measures/screening-status.js';

/** The screening thresholds the migrations seed (real PostgreSQL). */
describe('seeded screening thresholds', () => {
  const schema = `${uniqueName('pfscr')}_performance`;
  let dataSource: Awaited<ReturnType<typeof createTestDataSource>>;

  beforeAll(async () => {
    // The test data source brings the messaging tables itself.
    const messaging = new Set<unknown>([...messagingEntities, ...messagingMigrations]);
    dataSource = await createTestDataSource({
      schema,
      entities: performanceEntities.filter((entity) => !messaging.has(entity)),
      migrations: performanceMigrations.filter((migration) => !messaging.has(migration)),
    });
  });

  afterAll(async () => {
    await dataSource?.drop();
  });

  it('gives bowel screening 52% acceptable and 60% achievable', async () => {
    const [bowel] = await dataSource.query<{ value: string; lower: string | null }[]>(
      `SELECT value, lower FROM "${schema}".target
        WHERE measure = 'screening-bowel' AND scope_kind = 'nation' AND scope_value = 'england'`,
    );
    expect(bowel).toEqual({ value: '0.6000', lower: '0.5200' });
    const thresholds = { value: Number(bowel?.value), lower: Number(bowel?.lower) };
    expect(uptakeStatus(0.6, thresholds)).toBe('achievable');
    expect(uptakeStatus(0.55, thresholds)).toBe('acceptable');
    expect(uptakeStatus(0.5199, thresholds)).toBe('below');
  });
});
