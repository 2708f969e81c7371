import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class Notifications1795250898084 implements MigrationInterface {
  name = 'Notifications1795250898084';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."member_preference" ("member_id" uuid NOT NULL, "channels" text array NOT NULL, "digest" boolean NOT NULL, "webhook_url" character varying(500), "webhook_secret" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_163c89a4b691b863432c77fa7e6" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."notification" ("id" uuid NOT NULL, "dedup_key" character varying(300) NOT NULL, "case_id" uuid, "member_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "address" character varying(500), "subject" character varying(300) NOT NULL, "body" text NOT NULL, "urgent" boolean NOT NULL, "status" character varying(20) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_pending_idx" ON "${s}"."notification"  ("status") WHERE status IN ('pending', 'held-for-digest')`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_member_idx" ON "${s}"."notification"  ("member_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_dedup_key" ON "${s}"."notification"  ("dedup_key") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."notification_dedup_key"`);
    await queryRunner.query(`DROP INDEX "${s}"."notification_member_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."notification_pending_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."notification"`);
    await queryRunner.query(`DROP TABLE "${s}"."member_preference"`);
  }
}
