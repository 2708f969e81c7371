import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** The copy of membership's links between identity providers' accounts and members. */
export class IdentityLinks1796400000100 implements MigrationInterface {
  name = 'IdentityLinks1796400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."identity_link" ("issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "PK_identity_link" PRIMARY KEY ("issuer", "subject"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "identity_link_member_idx" ON "${s}"."identity_link" ("member_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."identity_link"`);
  }
}
