import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class PathwayComments1796426864338 implements MigrationInterface {
  name = 'PathwayComments1796426864338';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."pathway_comment" ("id" uuid NOT NULL, "pathway_id" uuid NOT NULL, "pathway_version_id" uuid NOT NULL, "body_id" uuid NOT NULL, "relationship" character varying(20) NOT NULL, "comment" text NOT NULL, "name" character varying(200), "email" character varying(320), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "read_by" character varying(300), CONSTRAINT "PK_f34a2b5b669ba71bda5f49bb509" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pathway_comment_body_idx" ON "${s}"."pathway_comment"  ("body_id", "received_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."pathway_comment_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."pathway_comment"`);
  }
}
