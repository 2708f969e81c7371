import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** The day a meeting's overdue draft minutes were announced, so they are announced once. */
export class MinutesOverdue1796445571081 implements MigrationInterface {
  name = 'MinutesOverdue1796445571081';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."meeting" ADD "minutes_overdue_announced_on" date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."meeting" DROP COLUMN "minutes_overdue_announced_on"`,
    );
  }
}
