import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class ActionsAndMinutes1795245138310 implements MigrationInterface {
  name = 'ActionsAndMinutes1795245138310';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."action" ("id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "body_id" uuid NOT NULL, "agenda_item_id" uuid, "description" text NOT NULL, "owner_member_id" uuid NOT NULL, "due_on" date NOT NULL, "status" character varying(20) NOT NULL, "completed_on" date, "overdue_announced_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d9db9cf5edfbbae74eb56e3a39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "action_open_due_idx" ON "${s}"."action"  ("due_on") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "action_owner_idx" ON "${s}"."action"  ("owner_member_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "action_meeting_idx" ON "${s}"."action"  ("meeting_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."meeting" ADD "minutes_status" character varying(20) NOT NULL DEFAULT 'none'`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."meeting" ADD "minutes_text" text`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."meeting" ADD "minutes_approved_at_meeting_id" uuid`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."meeting" DROP COLUMN "minutes_approved_at_meeting_id"`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."meeting" DROP COLUMN "minutes_text"`);
    await queryRunner.query(`ALTER TABLE "${s}"."meeting" DROP COLUMN "minutes_status"`);
    await queryRunner.query(`DROP INDEX "${s}"."action_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."action_owner_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."action_open_due_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."action"`);
  }
}
