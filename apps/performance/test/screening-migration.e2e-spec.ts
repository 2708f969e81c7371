import { messagingEntities, messagingMigrations } from '#messaging';
import { createTestDataSource, uniqueName } from '#testing';
import { performanceEntities, performanceMigrations } from '../src/database.js';
import { ScreeningUptakeAndCoverage1796505836027 } from '../src/migrations/1796505836027-screening-uptake-and-coverage.js';

/** Uptake and coverage split (#20): the rows and targets held before move without loss. */
describe('the move of screening uptake to uptake and coverage', () => {
  const schema = `${uniqueName('pfscm')}_performance`;
  const allianceId = '5b0c3f0e-8a51-4d7e-9a39-0d5f7b1c2e11';
  const messaging = new Set<unknown>([...messagingEntities, ...messagingMigrations]);
  const entities = performanceEntities.filter((entity) => !messaging.has(entity));
  const all = performanceMigrations.filter((migration) => !messaging.has(migration));
  let dataSource: Awaited<ReturnType<typeof createTestDataSource>>;

  beforeAll(async () => {
    // The schema as it stood before, with rows and an alliance's own cervical target.
    const before = await createTestDataSource({
      schema,
      entities: [],
      migrations: all.filter((migration) => migration !== ScreeningUptakeAndCoverage1796505836027),
    });
    await before.query(
      `INSERT INTO "${schema}".screening_uptake (alliance_id, programme, period, eligible, screened)
       VALUES ($1, 'breast', '2026-03-01', 1000, 750), ($1, 'cervical', '2026-03-01', 1000, 700),
              ($1, 'bowel', '2026-02-01', 2000, 1100)`,
      [allianceId],
    );
    await before.query(
      `INSERT INTO "${schema}".target (id, measure, scope_kind, scope_value, value, lower, effective_from, source, set_by)
       VALUES (gen_random_uuid(), 'screening-cervical', 'alliance', $1, 0.78, 0.72, '2026-01-01', 'Alliance ambition', 'admin-1')`,
      [allianceId],
    );
    await before.destroy();
    dataSource = await createTestDataSource({ schema, entities, migrations: all });
  });

  afterAll(async () => {
    await dataSource?.drop();
  });

  it('keeps every row as uptake, as it was recorded', async () => {
    const rows = await dataSource.query(
      `SELECT programme, measure, age_band, to_char(period, 'YYYY-MM') AS period, look_back_years, eligible, screened
         FROM "${schema}".screening_result ORDER BY programme`,
    );
    expect(rows).toEqual([
      {
        programme: 'bowel',
        measure: 'uptake',
        age_band: 'all',
        period: '2026-02',
        look_back_years: null,
        eligible: 2000,
        screened: 1100,
      },
      expect.objectContaining({ programme: 'breast', measure: 'uptake', screened: 750 }),
      expect.objectContaining({ programme: 'cervical', measure: 'uptake', screened: 700 }),
    ]);
  });

  it('moves an alliance’s cervical target to both coverage age bands', async () => {
    const targets = await dataSource.query(
      `SELECT measure, value, lower, set_by FROM "${schema}".target
        WHERE scope_kind = 'alliance' AND scope_value = $1 ORDER BY measure`,
      [allianceId],
    );
    expect(targets).toEqual([
      {
        measure: 'screening-cervical-coverage-25-49',
        value: '0.7800',
        lower: '0.7200',
        set_by: 'admin-1',
      },
      {
        measure: 'screening-cervical-coverage-50-64',
        value: '0.7800',
        lower: '0.7200',
        set_by: 'admin-1',
      },
    ]);
  });

  it('reverts without losing uptake, and refuses while coverage would be lost', async () => {
    await dataSource.query(
      `INSERT INTO "${schema}".screening_result (alliance_id, programme, measure, age_band, period, look_back_years, eligible, screened)
       VALUES ($1, 'cervical', 'coverage', '50-64', '2026-03-01', 5.5, 1000, 800)`,
      [allianceId],
    );
    await expect(dataSource.undoLastMigration({ transaction: 'each' })).rejects.toThrow(
      /coverage row\(s\) have no place/,
    );
    await dataSource.query(`DELETE FROM "${schema}".screening_result WHERE measure = 'coverage'`);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(
      await dataSource.query(
        `SELECT programme, screened FROM "${schema}".screening_uptake ORDER BY programme`,
      ),
    ).toEqual([
      { programme: 'bowel', screened: 1100 },
      { programme: 'breast', screened: 750 },
      { programme: 'cervical', screened: 700 },
    ]);
    expect(
      await dataSource.query(
        `SELECT measure, value FROM "${schema}".target WHERE scope_kind = 'alliance' AND scope_value = $1`,
        [allianceId],
      ),
    ).toEqual([{ measure: 'screening-cervical', value: '0.7800' }]);
    // And forward again, as it first ran.
    await dataSource.runMigrations({ transaction: 'each' });
    const [count] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".screening_result WHERE measure = 'uptake'`,
    );
    expect(count).toEqual({ n: 3 });
  });
});
