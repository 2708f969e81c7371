import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';
import { makeAppendOnly } from './append-only.js';

/**
 * The audit log every service keeps beside its outbox. Append-only at the database: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, whoever the writer is.
 */
export class AuditLog1796416110021 implements MigrationInterface {
  name = 'AuditLog1796416110021';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE "${s}"."audit_entry" (
        "id" uuid PRIMARY KEY,
        "at" timestamptz NOT NULL,
        "actor" varchar(300) NOT NULL,
        "action" varchar(200) NOT NULL,
        "targets" varchar array NOT NULL,
        "changes" jsonb NOT NULL,
        "correlation_id" varchar(128) NOT NULL,
        "causation_id" uuid,
        "event_id" uuid
      )`);
    await queryRunner.query(
      `CREATE INDEX "audit_entry_targets_idx" ON "${s}"."audit_entry" USING gin ("targets")`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entry_actor_idx" ON "${s}"."audit_entry" ("actor", "at")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await makeAppendOnly(queryRunner, s, 'audit_entry');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "${s}"."refuse_change"()`);
  }
}
