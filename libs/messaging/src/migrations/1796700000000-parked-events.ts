import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * Events a consumer parks while what they name is not known yet, and the index the pruning of
 * old processed-event rows reads.
 */
export class ParkedEvents1796700000000 implements MigrationInterface {
  name = 'ParkedEvents1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE "${s}"."parked_event" (
        "consumer" varchar(200) NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" varchar(200) NOT NULL,
        "source_topic" varchar(249) NOT NULL,
        "source_partition" integer NOT NULL,
        "source_offset" bigint NOT NULL,
        "message_key" varchar(1000),
        "message_value" bytea NOT NULL,
        "message_headers" jsonb NOT NULL,
        "reason" varchar(2000) NOT NULL,
        "waits_for" varchar(300),
        "parked_at" timestamptz NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL,
        "next_retry_at" timestamptz NOT NULL,
        PRIMARY KEY ("consumer", "event_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "parked_event_due_idx" ON "${s}"."parked_event" ("consumer", "next_retry_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "parked_event_key_idx" ON "${s}"."parked_event" ("consumer", "source_topic", "message_key", "source_offset")`,
    );
    await queryRunner.query(
      `CREATE INDEX "processed_event_processed_at_idx" ON "${s}"."processed_event" ("processed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."processed_event_processed_at_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."parked_event"`);
  }
}
