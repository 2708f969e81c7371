import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';
import { BANK_HOLIDAYS, CALENDARS, SEEDED_THROUGH } from '../calendar/bank-holidays.js';

/**
 * One bank-holiday calendar per nation: the rows seeded so far become England and Wales's, and
 * each calendar is seeded through 2028 from calendar/bank-holidays.ts, whose lists are this
 * migration's (a later year is a new list and a new migration, never an edit of these):
 * - England and Wales and Northern Ireland 2025 to 2027: gov.uk/bank-holidays;
 * - Scotland 2025 to 2027: gov.uk/bank-holidays and mygov.scot (2 January, St Andrew's Day with
 *   its substitute Monday, the first Monday of August, no Easter Monday);
 * - 2028, every nation: NOT CONFIRMED against a published list (none was available when this
 *   was written). The dates follow the Banking and Financial Dealings Act 1971, the St Andrew's
 *   Day Bank Holiday (Scotland) Act 2007 and the usual substitute-day proclamations; check them
 *   against gov.uk/bank-holidays when it lists 2028 and correct them with PUT
 *   /calendar/bank-holidays/:date?calendar=.
 * Each calendar's coverage (working_calendar) says its holidays are known through 2028-12-31;
 * a deadline after it is flagged on its case. An admin's edits to the England and Wales rows
 * are kept: a seeded day already present is left as it is.
 */
export class NationCalendars1796440873628 implements MigrationInterface {
  name = 'NationCalendars1796440873628';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."alliance_nation" ("alliance_id" uuid NOT NULL, "nation" character varying(20) NOT NULL, CONSTRAINT "PK_e1d6cba0c4fe19235bf9cd95d2f" PRIMARY KEY ("alliance_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."working_calendar" ("calendar" character varying(30) NOT NULL, "covered_through" date NOT NULL, CONSTRAINT "PK_98b4e2952ed574fd2716b80918c" PRIMARY KEY ("calendar"))`,
    );
    // The holidays entered so far are England and Wales's.
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" ADD "calendar" character varying(30) NOT NULL DEFAULT 'england-and-wales'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" ALTER COLUMN "calendar" DROP DEFAULT`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" DROP CONSTRAINT "PK_d1a08ca9d96d246e66a40b36a74"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" ADD CONSTRAINT "PK_752412b7649dac27106a69785d8" PRIMARY KEY ("date", "calendar")`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."escalation_case" ADD "calendar_warning" character varying(300)`,
    );
    for (const calendar of CALENDARS) {
      for (const { date, name } of BANK_HOLIDAYS[calendar]) {
        await queryRunner.query(
          `INSERT INTO "${s}"."bank_holiday" (calendar, date, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [calendar, date, name],
        );
      }
      await queryRunner.query(
        `INSERT INTO "${s}"."working_calendar" (calendar, covered_through) VALUES ($1, $2)`,
        [calendar, SEEDED_THROUGH],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // One calendar again: the others' days go, and England and Wales's 2028 that this seeded.
    await queryRunner.query(
      `DELETE FROM "${s}"."bank_holiday" WHERE calendar <> 'england-and-wales' OR date >= '2028-01-01'`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."escalation_case" DROP COLUMN "calendar_warning"`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" DROP CONSTRAINT "PK_752412b7649dac27106a69785d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."bank_holiday" ADD CONSTRAINT "PK_d1a08ca9d96d246e66a40b36a74" PRIMARY KEY ("date")`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."bank_holiday" DROP COLUMN "calendar"`);
    await queryRunner.query(`DROP TABLE "${s}"."working_calendar"`);
    await queryRunner.query(`DROP TABLE "${s}"."alliance_nation"`);
  }
}
