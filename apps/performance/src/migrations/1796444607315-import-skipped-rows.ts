import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** An import keeps the rows it skipped (retired two-week-wait standards) and its notes. */
export class ImportSkippedRows1796444607315 implements MigrationInterface {
  name = 'ImportSkippedRows1796444607315';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."import_run" ADD "rows_skipped" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."import_run" ADD "skipped" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."import_run" ADD "notes" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."import_run" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "${s}"."import_run" DROP COLUMN "skipped"`);
    await queryRunner.query(`ALTER TABLE "${s}"."import_run" DROP COLUMN "rows_skipped"`);
  }
}
