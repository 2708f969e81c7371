import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class GovernanceReadModel1795251668108 implements MigrationInterface {
  name = 'GovernanceReadModel1795251668108';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."action_view" ("id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "body_id" uuid NOT NULL, "description" text NOT NULL, "owner_member_id" uuid NOT NULL, "due_on" date NOT NULL, "completed_on" date, CONSTRAINT "PK_2de760ac32f797eada1a306c7aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "action_view_open_idx" ON "${s}"."action_view"  ("due_on") WHERE completed_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."meeting_view" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2b030337d7ba70ea5e85a2bab70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meeting_view_body_idx" ON "${s}"."meeting_view"  ("body_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."role_vacancy" ("body_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "vacant_since" date NOT NULL, CONSTRAINT "PK_9d4e978357e5fae788c1c60b392" PRIMARY KEY ("body_id", "role"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."role_vacancy"`);
    await queryRunner.query(`DROP INDEX "${s}"."meeting_view_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."meeting_view"`);
    await queryRunner.query(`DROP INDEX "${s}"."action_view_open_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."action_view"`);
  }
}
