import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * What the workflow starts with, both editable through the API: England and Wales bank
 * holidays for 2025 to 2027 (gov.uk), and version 1 of the escalation policy (the values of
 * DEFAULT_POLICY when this was written; a migration keeps its own copy so later edits to the
 * code do not change what it seeded).
 */
const HOLIDAYS: readonly (readonly [string, string])[] = [
  ['2025-01-01', "New Year's Day"],
  ['2025-04-18', 'Good Friday'],
  ['2025-04-21', 'Easter Monday'],
  ['2025-05-05', 'Early May bank holiday'],
  ['2025-05-26', 'Spring bank holiday'],
  ['2025-08-25', 'Summer bank holiday'],
  ['2025-12-25', 'Christmas Day'],
  ['2025-12-26', 'Boxing Day'],
  ['2026-01-01', "New Year's Day"],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-04', 'Early May bank holiday'],
  ['2026-05-25', 'Spring bank holiday'],
  ['2026-08-31', 'Summer bank holiday'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-28', 'Boxing Day (substitute day)'],
  ['2027-01-01', "New Year's Day"],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-05-03', 'Early May bank holiday'],
  ['2027-05-31', 'Spring bank holiday'],
  ['2027-08-30', 'Summer bank holiday'],
  ['2027-12-27', 'Christmas Day (substitute day)'],
  ['2027-12-28', 'Boxing Day (substitute day)'],
];

const POLICY_V1 = {
  version: 1,
  levels: {
    group: {
      acknowledgeDays: 5,
      tableDays: 20,
      resolveDays: 40,
    },
    cag: {
      acknowledgeDays: 5,
      tableDays: 15,
      resolveDays: 30,
    },
    board: {
      acknowledgeDays: 5,
      tableDays: 20,
      resolveDays: 40,
    },
  },
  reminders: [0.5, 0.8],
  maxDeferrals: 2,
  triggers: {
    standardBreached: {
      enabled: true,
      minGap: 0,
    },
    priorityRed: {
      enabled: true,
    },
    milestoneMissed: {
      enabled: true,
    },
    serviceGap: {
      openAt: 15,
      cagAt: 20,
    },
    workforceFunding: {
      enabled: true,
    },
    roleVacantDays: 90,
    quorumFailures: 2,
    actionOverdueDays: 28,
  },
};

export class WorkflowReferenceData1795249955645 implements MigrationInterface {
  name = 'WorkflowReferenceData1795249955645';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const [date, name] of HOLIDAYS) {
      await queryRunner.query(`INSERT INTO "${s}"."bank_holiday" (date, name) VALUES ($1, $2)`, [
        date,
        name,
      ]);
    }
    await queryRunner.query(
      `INSERT INTO "${s}"."policy_version" (version, policy, created_by) VALUES (1, $1, 'reference-data')`,
      [JSON.stringify(POLICY_V1)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DELETE FROM "${s}"."policy_version" WHERE version = 1`);
    await queryRunner.query(`DELETE FROM "${s}"."bank_holiday"`);
  }
}
