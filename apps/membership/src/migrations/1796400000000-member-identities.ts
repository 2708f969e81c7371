import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** The identity providers' accounts linked to members. */
export class MemberIdentities1796400000000 implements MigrationInterface {
  name = 'MemberIdentities1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."member_identity" ("issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "member_id" uuid NOT NULL, "linked_by" character varying(20) NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_member_identity" PRIMARY KEY ("issuer", "subject"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "member_identity_member_idx" ON "${s}"."member_identity" ("member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."member_identity" ADD CONSTRAINT "member_identity_member_fk" FOREIGN KEY ("member_id") REFERENCES "${s}"."member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."member_identity"`);
  }
}
