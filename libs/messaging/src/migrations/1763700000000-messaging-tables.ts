import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The outbox and processed-event tables every service keeps in its own schema.
 * Services list `messagingMigrations` beside their own migrations.
 */
export class MessagingTables1763700000000 implements MigrationInterface {
  name = 'MessagingTables1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE "${s}"."outbox_message" (
        "id" bigserial PRIMARY KEY,
        "event_id" uuid NOT NULL,
        "topic" varchar(249) NOT NULL,
        "message_key" varchar(200) NOT NULL,
        "event_type" varchar(200) NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbox_message_event_id_key" ON "${s}"."outbox_message" ("event_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_pending_idx" ON "${s}"."outbox_message" ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_pending_key_idx" ON "${s}"."outbox_message" ("topic", "message_key", "id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_published_at_idx" ON "${s}"."outbox_message" ("published_at") WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."processed_event" (
        "consumer" varchar(200) NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" varchar(200) NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."processed_event"`);
    await queryRunner.query(`DROP TABLE "${s}"."outbox_message"`);
  }
}
