import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class DeadlineArming1795250487719 implements MigrationInterface {
  name = 'DeadlineArming1795250487719';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."case_deadline" ADD "armed_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case_deadline" DROP COLUMN "armed_at"`);
  }
}
