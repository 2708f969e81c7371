import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The membership read model's tables (bodies, their terms, members, seats) in the schema of a
 * service that keeps one; services list `membershipViewMigrations` beside their own. IF NOT
 * EXISTS because the services' first migrations created these tables before they were this
 * lib's: a database migrated then records this one as run and keeps its tables.
 */
export class MembershipViewTables1763700000100 implements MigrationInterface {
  name = 'MembershipViewTables1763700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "${s}"."body_terms" ("body_id" uuid NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "terms" jsonb NOT NULL, CONSTRAINT "PK_9ac4917f2f6122398e239d8fe4a" PRIMARY KEY ("body_id", "effective_from"))`,
    );
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "${s}"."body_view" ("id" uuid NOT NULL, "alliance_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "parent_body_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4357a86140f1b115b07acf38a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "${s}"."member_view" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "clinician" boolean NOT NULL, CONSTRAINT "PK_8eb653cc20f449ccdfb0f283c99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "${s}"."seat" ("appointment_id" uuid NOT NULL, "body_id" uuid NOT NULL, "member_id" uuid NOT NULL, "role" character varying(30) NOT NULL, "term_start" date NOT NULL, "term_end" date, "ended_on" date, CONSTRAINT "PK_7985ba844e5eeab9819c44e8a69" PRIMARY KEY ("appointment_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "seat_member_idx" ON "${s}"."seat"  ("member_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "seat_body_idx" ON "${s}"."seat"  ("body_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."seat"`);
    await queryRunner.query(`DROP TABLE "${s}"."member_view"`);
    await queryRunner.query(`DROP TABLE "${s}"."body_view"`);
    await queryRunner.query(`DROP TABLE "${s}"."body_terms"`);
  }
}
