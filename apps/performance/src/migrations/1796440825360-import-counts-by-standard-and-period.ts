import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class ImportCountsByStandardAndPeriod1796440825360 implements MigrationInterface {
  name = 'ImportCountsByStandardAndPeriod1796440825360';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."import_run" ADD "by_standard_and_period" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."import_run" DROP COLUMN "by_standard_and_period"`);
  }
}
