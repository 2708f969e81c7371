import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** Attendance by a nominated deputy in place of a voting member; declarations of interest per item. */
export class MeetingPractice1796505800000 implements MigrationInterface {
  name = 'MeetingPractice1796505800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."attendance" ADD "deputising_for" uuid`);
    await queryRunner.query(
      `CREATE TABLE "${s}"."declaration_of_interest" ("id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "member_id" uuid NOT NULL, "nature" character varying(30) NOT NULL, "interest" character varying(1000) NOT NULL, "action" character varying(20) NOT NULL, "recorded_by" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "declaration_of_interest_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "declaration_of_interest_item_member_key" ON "${s}"."declaration_of_interest" ("agenda_item_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "declaration_of_interest_meeting_idx" ON "${s}"."declaration_of_interest" ("meeting_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."declaration_of_interest_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."declaration_of_interest_item_member_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."declaration_of_interest"`);
    await queryRunner.query(`ALTER TABLE "${s}"."attendance" DROP COLUMN "deputising_for"`);
  }
}
