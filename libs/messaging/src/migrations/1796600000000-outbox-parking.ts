import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** Outbox rows Kafka refuses for good are parked with their reason, so the rest flow. */
export class OutboxParking1796600000000 implements MigrationInterface {
  name = 'OutboxParking1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."outbox_message" ADD "parked_at" timestamptz, ADD "park_reason" varchar(2000)`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_parked_idx" ON "${s}"."outbox_message" ("id") WHERE parked_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."outbox_message_parked_idx"`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."outbox_message" DROP COLUMN "park_reason", DROP COLUMN "parked_at"`,
    );
  }
}
