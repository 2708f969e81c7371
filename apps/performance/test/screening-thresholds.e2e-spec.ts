import { messagingEntities, messagingMigrations } from '#messaging';
import { createTestDataSource, uniqueName } from '#testing';
import { performanceEntities, performanceMigrations } from '../src/database.js';
import { screeningStatus } from '../src/measures/screening-status.js';

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

  const seeded = () =>
    dataSource.query<{ measure: string; value: string; lower: string | null; from: string }[]>(
      `SELECT measure, value, lower, to_char(effective_from, 'YYYY-MM-DD') AS from
         FROM "${schema}".target
        WHERE measure LIKE 'screening-%' AND scope_kind = 'nation' AND scope_value = 'england'
        ORDER BY measure`,
    );

  it('gives bowel screening uptake 52% acceptable and 60% achievable', async () => {
    const bowel = (await seeded()).find((row) => row.measure === 'screening-bowel-uptake');
    expect(bowel).toMatchObject({ value: '0.6000', lower: '0.5200' });
    const thresholds = { value: Number(bowel?.value), lower: Number(bowel?.lower) };
    expect(screeningStatus(0.6, thresholds)).toBe('achievable');
    expect(screeningStatus(0.55, thresholds)).toBe('acceptable');
    expect(screeningStatus(0.5199, thresholds)).toBe('below');
  });

  it('gives each programme, measure and cervical age band thresholds of its own', async () => {
    expect(await seeded()).toEqual([
      { measure: 'screening-bowel-coverage', value: '0.7600', lower: '0.6200', from: '2025-04-01' },
      { measure: 'screening-bowel-uptake', value: '0.6000', lower: '0.5200', from: '2000-01-01' },
      {
        measure: 'screening-breast-coverage',
        value: '0.8000',
        lower: '0.7000',
        from: '2000-01-01',
      },
      { measure: 'screening-breast-uptake', value: '0.8000', lower: '0.7000', from: '2000-01-01' },
      {
        measure: 'screening-cervical-coverage-25-49',
        value: '0.8000',
        lower: '0.7500',
        from: '2000-01-01',
      },
      {
        measure: 'screening-cervical-coverage-50-64',
        value: '0.8000',
        lower: '0.7500',
        from: '2000-01-01',
      },
    ]);
    const standards = await dataSource.query<{ code: string }[]>(
      `SELECT code FROM "${schema}".standard WHERE kind = 'screening' ORDER BY code`,
    );
    expect(standards.map((standard) => standard.code)).toEqual([
      'screening-bowel-coverage',
      'screening-bowel-uptake',
      'screening-breast-coverage',
      'screening-breast-uptake',
      'screening-cervical-coverage-25-49',
      'screening-cervical-coverage-50-64',
      'screening-cervical-uptake',
    ]);
  });
});
