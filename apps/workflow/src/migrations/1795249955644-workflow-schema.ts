import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class WorkflowSchema1795249955644 implements MigrationInterface {
  name = 'WorkflowSchema1795249955644';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."bank_holiday" ("date" date NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "PK_d1a08ca9d96d246e66a40b36a74" PRIMARY KEY ("date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."case_deadline" ("case_id" uuid NOT NULL, "level" character varying(10) NOT NULL, "kind" character varying(30) NOT NULL, "due_on" date NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "settled_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(20), CONSTRAINT "PK_ff2d186142b157fbb37f7f0045f" PRIMARY KEY ("case_id", "level", "kind"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_deadline_due_idx" ON "${s}"."case_deadline"  ("due_at") WHERE settled_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."escalation_case" ("id" uuid NOT NULL, "subject_key" character varying(300) NOT NULL, "kind" character varying(60) NOT NULL, "title" character varying(300) NOT NULL, "alliance_id" uuid, "body_id" uuid NOT NULL, "level" character varying(10) NOT NULL, "status" character varying(20) NOT NULL, "severity" character varying(10) NOT NULL, "overdue" boolean NOT NULL DEFAULT false, "deferrals" integer NOT NULL DEFAULT '0', "policy_version" integer NOT NULL, "evidence" jsonb NOT NULL, "body_path" uuid array NOT NULL, "head_hash" character varying(64) NOT NULL, "history_length" integer NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e210ad1ec711c2a175f3c411ad9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "escalation_case_body_idx" ON "${s}"."escalation_case"  ("body_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "escalation_case_open_subject_key" ON "${s}"."escalation_case"  ("subject_key") WHERE closed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."case_history" ("case_id" uuid NOT NULL, "sequence" integer NOT NULL, "at" character varying(40) NOT NULL, "transition" character varying(40) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "level" character varying(10) NOT NULL, "cause" jsonb NOT NULL, "details" jsonb NOT NULL, "previous_hash" character varying(64), "hash" character varying(64) NOT NULL, CONSTRAINT "PK_d8d5625d6caa7825b160049488c" PRIMARY KEY ("case_id", "sequence"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."policy_version" ("version" integer NOT NULL, "policy" jsonb NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_825a6671fc6a44ccb03623f41ae" PRIMARY KEY ("version"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."policy_version"`);
    await queryRunner.query(`DROP TABLE "${s}"."case_history"`);
    await queryRunner.query(`DROP INDEX "${s}"."escalation_case_open_subject_key"`);
    await queryRunner.query(`DROP INDEX "${s}"."escalation_case_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."escalation_case"`);
    await queryRunner.query(`DROP INDEX "${s}"."case_deadline_due_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."case_deadline"`);
    await queryRunner.query(`DROP TABLE "${s}"."bank_holiday"`);
  }
}
