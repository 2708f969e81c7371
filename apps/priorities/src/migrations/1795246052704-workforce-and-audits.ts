import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class WorkforceAndAudits1795246052704 implements MigrationInterface {
  name = 'WorkforceAndAudits1795246052704';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."workforce_recommendation" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "staff_group" character varying(200) NOT NULL, "shortfall_wte" numeric(7,2) NOT NULL, "recommendation" text NOT NULL, "estimated_cost" numeric(12,2), "funding_needed" boolean NOT NULL, "status" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ab8ea2968dcbd6476c69f6c156" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "workforce_recommendation_body_idx" ON "${s}"."workforce_recommendation"  ("body_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."audit_participation" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "audit" character varying(300) NOT NULL, "organisations" jsonb NOT NULL, "status" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc207363b9b15982ec21ab4e856" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_participation_body_idx" ON "${s}"."audit_participation"  ("body_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."audit_participation_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."audit_participation"`);
    await queryRunner.query(`DROP INDEX "${s}"."workforce_recommendation_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."workforce_recommendation"`);
  }
}
