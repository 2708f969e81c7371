import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The targets model (docs/targets.md): each standard's constitutional threshold always in force
 * and open-ended (28-day FDS 75%, 31-day 96%, 62-day 85%); the planning guidance's ambitions as
 * time-limited trajectories beside them, never in their place; each standard's months to
 * recover and minimum denominator; each alliance's breach basis and figures basis; the data
 * status of every submission.
 *
 * The planning figures before this read "77% by March 2025" as a threshold in force from April
 * 2024 and replaced the 62-day 85% with the interim ambitions; those rows (set by the reference
 * data, not by an admin) are removed here and come back as trajectories.
 */

const CWT_2023 = 'NHS England cancer waiting times standards from October 2023';

/** The constitutional thresholds, from the standards' start in October 2023, with no end. */
const STANDARDS = [
  ['fds-28', 0.75, `${CWT_2023}: 28-day Faster Diagnosis Standard 75%`],
  ['combined-31', 0.96, `${CWT_2023}: 31-day combined standard 96%`],
  ['combined-62', 0.85, `${CWT_2023}: 62-day combined standard 85% constitutional`],
] as const;

const GUIDANCE_2024 = 'NHS England 2024/25 priorities and operational planning guidance';
const GUIDANCE_2025 = 'NHS England 2025/26 priorities and operational planning guidance';
const FRAMEWORK_2026 =
  'NHS England Medium Term Planning Framework, delivering change together 2026/27 to 2028/29';

/**
 * England's planning ambitions: measure, first month, month to reach by, start value, value,
 * confirmed, source. The guidance gives a value by a date, never a starting point: each line
 * starts where the year before ended; the first year's FDS line starts at the 75% standard, and
 * the first 62-day line is flat (a line from the 85% standard down to 70% would mean nothing).
 */
const TRAJECTORIES = [
  [
    'fds-28',
    '2024-04-01',
    '2025-03-01',
    0.75,
    0.77,
    true,
    `${GUIDANCE_2024}: "improve performance against the 28-day Faster Diagnosis Standard to 77% by March 2025"; the line starts at the 75% standard`,
  ],
  [
    'fds-28',
    '2025-04-01',
    '2026-03-01',
    0.77,
    0.8,
    true,
    `${GUIDANCE_2025}: FDS 80% by March 2026 (the ambition the 2024/25 guidance named too)`,
  ],
  [
    'fds-28',
    '2026-04-01',
    '2027-03-01',
    0.8,
    0.8,
    false,
    `${FRAMEWORK_2026}: FDS held at 80% through 2026/27. UNCONFIRMED: the figure for March 2027 was not checked against the framework's text`,
  ],
  [
    'combined-62',
    '2024-04-01',
    '2025-03-01',
    0.7,
    0.7,
    true,
    `${GUIDANCE_2024}: "improve performance against the headline 62-day standard to 70% by March 2025"; no starting point published, so a flat line`,
  ],
  [
    'combined-62',
    '2025-04-01',
    '2026-03-01',
    0.7,
    0.75,
    true,
    `${GUIDANCE_2025}: 62-day 75% by March 2026`,
  ],
  [
    'combined-62',
    '2026-04-01',
    '2027-03-01',
    0.75,
    0.8,
    false,
    `${FRAMEWORK_2026}: 85% of patients treated within 62 days by March 2029 (confirmed in NHS England's announcement of October 2025); 80% by March 2027 as the first year's step. UNCONFIRMED: the 2026/27 value was not checked against the framework's text`,
  ],
] as const;

/** What the reference data seeded before, restored on revert. */
const PLANNING_TARGETS = [
  ['fds-28', 0.77, '2024-04-01', '2025-03-31', 'NHS England planning guidance: 77% by March 2025'],
  ['fds-28', 0.8, '2025-04-01', null, 'NHS England planning guidance: 80% by March 2026'],
  [
    'combined-62',
    0.7,
    '2024-04-01',
    '2025-03-31',
    'NHS England planning guidance: interim 70% by March 2025',
  ],
  [
    'combined-62',
    0.75,
    '2025-04-01',
    null,
    'NHS England planning guidance: interim 75% by March 2026',
  ],
] as const;

export class TargetsModel1795300000000 implements MigrationInterface {
  name = 'TargetsModel1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."trajectory" ("id" uuid NOT NULL, "measure" character varying(40) NOT NULL, "scope_kind" character varying(20) NOT NULL, "scope_value" character varying(60) NOT NULL, "starts_on" date NOT NULL, "reach_by" date NOT NULL, "start_value" numeric(5,4) NOT NULL, "value" numeric(5,4) NOT NULL, "points" jsonb NOT NULL DEFAULT '{}', "source" text NOT NULL, "confirmed" boolean NOT NULL DEFAULT true, "set_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "trajectory_value_check" CHECK (value > 0 AND value <= 1 AND start_value > 0 AND start_value <= 1), CONSTRAINT "trajectory_span_check" CHECK (reach_by >= starts_on), CONSTRAINT "trajectory_no_overlap_excl" EXCLUDE USING gist ("measure" WITH =, "scope_kind" WITH =, "scope_value" WITH =, (daterange(starts_on, reach_by + 1, '[)')) WITH &&), CONSTRAINT "PK_373f211dd1c96fdf1344f604847" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."alliance_policy" ("alliance_id" uuid NOT NULL, "effective_from" date NOT NULL, "breach_basis" character varying(20) NOT NULL, "figures_basis" character varying(20) NOT NULL, "set_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d316383892d3dbb77fe58e6f7cf" PRIMARY KEY ("alliance_id", "effective_from"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."standard" ADD "months_to_recover" integer NOT NULL DEFAULT '2'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."standard" ADD "min_denominator" numeric(12,1) NOT NULL DEFAULT '20'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."import_run" ADD "data_status" character varying(12) NOT NULL DEFAULT 'provisional'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."submission" ADD "data_status" character varying(12) NOT NULL DEFAULT 'provisional'`,
    );

    // The planning ambitions leave the thresholds (only the reference data's own rows).
    for (const [measure, value, from, , source] of PLANNING_TARGETS) {
      await queryRunner.query(
        `DELETE FROM "${s}"."target" WHERE set_by = 'reference-data' AND scope_kind = 'nation'
            AND measure = $1 AND value = $2 AND effective_from = $3 AND source = $4`,
        [measure, value, from, source],
      );
    }
    // Each standard's threshold from October 2023, up to the first nation threshold an admin set
    // after it, else with no end.
    for (const [measure, value, source] of STANDARDS) {
      await queryRunner.query(
        `DELETE FROM "${s}"."target" WHERE set_by = 'reference-data' AND scope_kind = 'nation'
            AND measure = $1 AND effective_from = '2023-10-01'`,
        [measure],
      );
      await queryRunner.query(
        `INSERT INTO "${s}"."target" (id, measure, scope_kind, scope_value, value, lower, effective_from, effective_to, source, set_by)
         SELECT gen_random_uuid(), $1::varchar, 'nation', 'england', $2, NULL, '2023-10-01',
                (SELECT min(effective_from) - 1 FROM "${s}"."target"
                  WHERE measure = $1::varchar AND scope_kind = 'nation' AND scope_value = 'england'),
                $3, 'reference-data'
          WHERE NOT EXISTS (SELECT 1 FROM "${s}"."target"
                             WHERE measure = $1::varchar AND scope_kind = 'nation' AND scope_value = 'england'
                               AND effective_from <= '2023-10-01')`,
        [measure, value, source],
      );
    }
    for (const [measure, from, reachBy, startValue, value, confirmed, source] of TRAJECTORIES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."trajectory" (id, measure, scope_kind, scope_value, starts_on, reach_by, start_value, value, points, source, confirmed, set_by)
         VALUES (gen_random_uuid(), $1, 'nation', 'england', $2, $3, $4, $5, '{}', $6, $7, 'reference-data')`,
        [measure, from, reachBy, startValue, value, source, confirmed],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const [measure, , source] of STANDARDS) {
      await queryRunner.query(
        `DELETE FROM "${s}"."target" WHERE set_by = 'reference-data' AND measure = $1 AND source = $2`,
        [measure, source],
      );
    }
    await queryRunner.query(
      `INSERT INTO "${s}"."target" (id, measure, scope_kind, scope_value, value, lower, effective_from, effective_to, source, set_by)
       VALUES (gen_random_uuid(), 'combined-62', 'nation', 'england', 0.85, NULL, '2023-10-01', '2024-03-31', $1, 'reference-data')`,
      [`${CWT_2023}: 85% constitutional`],
    );
    for (const [measure, value, from, to, source] of PLANNING_TARGETS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."target" (id, measure, scope_kind, scope_value, value, lower, effective_from, effective_to, source, set_by)
         VALUES (gen_random_uuid(), $1, 'nation', 'england', $2, NULL, $3, $4, $5, 'reference-data')`,
        [measure, value, from, to, source],
      );
    }
    await queryRunner.query(`ALTER TABLE "${s}"."submission" DROP COLUMN "data_status"`);
    await queryRunner.query(`ALTER TABLE "${s}"."import_run" DROP COLUMN "data_status"`);
    await queryRunner.query(`ALTER TABLE "${s}"."standard" DROP COLUMN "min_denominator"`);
    await queryRunner.query(`ALTER TABLE "${s}"."standard" DROP COLUMN "months_to_recover"`);
    await queryRunner.query(`DROP TABLE "${s}"."alliance_policy"`);
    await queryRunner.query(`DROP TABLE "${s}"."trajectory"`);
  }
}
