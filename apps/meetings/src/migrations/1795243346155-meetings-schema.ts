import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class MeetingsSchema1795243346155 implements MigrationInterface {
  name = 'MeetingsSchema1795243346155';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."meeting" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "online_url" character varying(500), "status" character varying(20) NOT NULL, "series_id" uuid, "quorum" jsonb, "cancel_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meeting_body_starts_idx" ON "${s}"."meeting"  ("body_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."agenda_item" ("id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "type" character varying(30) NOT NULL, "title" character varying(300) NOT NULL, "presenter" character varying(200), "papers" jsonb NOT NULL, "position" integer NOT NULL, "external_reference" character varying(200), "request_id" uuid, CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "agenda_item_request_key" ON "${s}"."agenda_item"  ("request_id") WHERE request_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "agenda_item_meeting_idx" ON "${s}"."agenda_item"  ("meeting_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."agenda_request" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "external_reference" character varying(200) NOT NULL, "presenter" character varying(200), "papers" jsonb NOT NULL, "table_by" date, "status" character varying(20) NOT NULL, "agenda_item_id" uuid, "reason" character varying(500), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26e89c752356e444839b6ecda9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agenda_request_body_status_idx" ON "${s}"."agenda_request"  ("body_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."attendance" ("meeting_id" uuid NOT NULL, "member_id" uuid NOT NULL, "status" character varying(20) NOT NULL, CONSTRAINT "PK_3a6f8bf53ea19911b3778000c71" PRIMARY KEY ("meeting_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."decision" ("id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "outcome" character varying(30) NOT NULL, "rationale" text NOT NULL, "votes_for" integer, "votes_against" integer, "votes_abstained" integer, "recorded_by" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "decision_agenda_item_key" ON "${s}"."decision"  ("agenda_item_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."agenda_item" ADD CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b" FOREIGN KEY ("meeting_id") REFERENCES "${s}"."meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."agenda_item" DROP CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b"`,
    );
    await queryRunner.query(`DROP INDEX "${s}"."decision_agenda_item_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."decision"`);
    await queryRunner.query(`DROP TABLE "${s}"."attendance"`);
    await queryRunner.query(`DROP INDEX "${s}"."agenda_request_body_status_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."agenda_request"`);
    await queryRunner.query(`DROP INDEX "${s}"."agenda_item_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."agenda_item_request_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."agenda_item"`);
    await queryRunner.query(`DROP INDEX "${s}"."meeting_body_starts_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."meeting"`);
  }
}
