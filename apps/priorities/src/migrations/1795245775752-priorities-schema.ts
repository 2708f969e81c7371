import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class PrioritiesSchema1795245775752 implements MigrationInterface {
  name = 'PrioritiesSchema1795245775752';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."pathway_version" ("id" uuid NOT NULL, "pathway_id" uuid NOT NULL, "version" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "document_url" character varying(500) NOT NULL, "change_summary" text NOT NULL, "published_on" date, "review_due_on" date, "review_due_announced_on" date, "review_overdue_announced_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e3588ba142d3cdc989b75633f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pathway_one_published_key" ON "${s}"."pathway_version"  ("pathway_id") WHERE status = 'published'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pathway_version_key" ON "${s}"."pathway_version"  ("pathway_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."pathway" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "tumour_site" character varying(50) NOT NULL, "scope" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d593326dc88056b1e118fd40f5a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "pathway_body_idx" ON "${s}"."pathway"  ("body_id") `);
    await queryRunner.query(
      `CREATE TABLE "${s}"."milestone" ("id" uuid NOT NULL, "priority_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "due_on" date NOT NULL, "status" character varying(10) NOT NULL, "met_on" date, CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "milestone_pending_due_idx" ON "${s}"."milestone"  ("due_on") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "milestone_priority_idx" ON "${s}"."milestone"  ("priority_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."priority" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "programme_id" uuid, "title" character varying(300) NOT NULL, "source" character varying(20) NOT NULL, "category" character varying(40) NOT NULL, "rag" character varying(10) NOT NULL, "rag_reason" text NOT NULL, "rag_set_by" character varying(200) NOT NULL, "completed_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_413921aa4a118e20f361ceba8b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "priority_body_idx" ON "${s}"."priority"  ("body_id") `);
    await queryRunner.query(
      `CREATE TABLE "${s}"."programme" ("id" uuid NOT NULL, "alliance_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "first_year" character varying(7) NOT NULL, "last_year" character varying(7) NOT NULL, "intended_outcomes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."service_gap" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "description" text NOT NULL, "population" text, "organisations_affected" jsonb NOT NULL, "initial_risk" jsonb NOT NULL, "current_risk" jsonb NOT NULL, "target_risk" jsonb NOT NULL, "controls" jsonb NOT NULL, "status" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81eee55e888f71779b01cd912eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "service_gap_body_idx" ON "${s}"."service_gap"  ("body_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."service_gap_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."service_gap"`);
    await queryRunner.query(`DROP TABLE "${s}"."programme"`);
    await queryRunner.query(`DROP INDEX "${s}"."priority_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."priority"`);
    await queryRunner.query(`DROP INDEX "${s}"."milestone_priority_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."milestone_pending_due_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."milestone"`);
    await queryRunner.query(`DROP INDEX "${s}"."pathway_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."pathway"`);
    await queryRunner.query(`DROP INDEX "${s}"."pathway_version_key"`);
    await queryRunner.query(`DROP INDEX "${s}"."pathway_one_published_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."pathway_version"`);
  }
}
