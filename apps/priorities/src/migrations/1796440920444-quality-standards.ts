import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** Quality measure sets (versioned data) and bodies' self-assessments against them. */
export class QualityStandards1796440920444 implements MigrationInterface {
  name = 'QualityStandards1796440920444';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."measure_set" ("id" uuid NOT NULL, "code" character varying(60) NOT NULL, "version" integer NOT NULL, "title" character varying(300) NOT NULL, "measures" jsonb NOT NULL, "created_by" character varying(300) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "measure_set_version_key" UNIQUE ("code", "version"), CONSTRAINT "PK_98e048f3d04a20220072d065b71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."quality_assessment" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "measure_set_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "answers" jsonb NOT NULL, "reviews" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" character varying(300), "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "quality_assessment_body_set_key" UNIQUE ("body_id", "measure_set_id"), CONSTRAINT "PK_0db5ee72118916091694ed72833" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."quality_assessment"`);
    await queryRunner.query(`DROP TABLE "${s}"."measure_set"`);
  }
}
