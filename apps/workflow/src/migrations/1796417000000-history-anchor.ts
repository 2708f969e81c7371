import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '#messaging';
import { schemaOf } from '#platform';

/**
 * The anchor of the case histories: the history and its checkpoints become append-only at the
 * database (the `refuse_change` trigger function the audit log's migration made), and signed
 * checkpoints get their table, with a GIN index to find a case's checkpoints.
 */
export class HistoryAnchor1796417000000 implements MigrationInterface {
  name = 'HistoryAnchor1796417000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE "${s}"."history_checkpoint" (
        "id" uuid PRIMARY KEY,
        "sequence" int NOT NULL,
        "taken_at" varchar(40) NOT NULL,
        "heads" jsonb NOT NULL,
        "previous_digest" varchar(64),
        "digest" varchar(64) NOT NULL,
        "key_id" varchar(64) NOT NULL,
        "signature" varchar(200) NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "history_checkpoint_sequence_key" ON "${s}"."history_checkpoint" ("sequence")`,
    );
    await queryRunner.query(
      `CREATE INDEX "history_checkpoint_heads_idx" ON "${s}"."history_checkpoint" USING gin ("heads" jsonb_path_ops)`,
    );
    await makeAppendOnly(queryRunner, s, 'case_history');
    await makeAppendOnly(queryRunner, s, 'history_checkpoint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TRIGGER "case_history_no_truncate" ON "${s}"."case_history"`);
    await queryRunner.query(`DROP TRIGGER "case_history_append_only" ON "${s}"."case_history"`);
    await queryRunner.query(`DROP TABLE "${s}"."history_checkpoint"`);
  }
}
