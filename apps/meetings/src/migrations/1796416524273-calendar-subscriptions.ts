import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** Members' calendar subscription URLs, kept as hashes of their tokens. */
export class CalendarSubscriptions1796416524273 implements MigrationInterface {
  name = 'CalendarSubscriptions1796416524273';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."calendar_subscription" ("id" uuid NOT NULL, "member_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "calendar_subscription_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "calendar_subscription_live_member_key" ON "${s}"."calendar_subscription" ("member_id") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "calendar_subscription_token_hash_key" ON "${s}"."calendar_subscription" ("token_hash") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."calendar_subscription_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "${s}"."calendar_subscription_live_member_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."calendar_subscription"`);
  }
}
