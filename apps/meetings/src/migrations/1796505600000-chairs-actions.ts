import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/** Chair's actions between meetings, and the link to the item that lists each for ratification. */
export class ChairsActions1796505600000 implements MigrationInterface {
  name = 'ChairsActions1796505600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."chairs_action" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "external_reference" character varying(200), "title" character varying(300) NOT NULL, "outcome" character varying(30) NOT NULL, "rationale" text NOT NULL, "recorded_by" character varying(200) NOT NULL, "recorded_capacity" character varying(20) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ratification_item_id" uuid, "ratified" boolean, "ratification_decision_id" uuid, CONSTRAINT "chairs_action_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "chairs_action_body_idx" ON "${s}"."chairs_action" ("body_id", "recorded_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."chairs_action_body_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."chairs_action"`);
  }
}
