import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * A notification's `sending` claim: when it began, and the sweep's index finds rows still
 * `sending` (TypeORM compares no index's WHERE, so the index change is written by hand).
 */
export class NotificationSending1796430326689 implements MigrationInterface {
  name = 'NotificationSending1796430326689';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."notification" ADD "sending_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`DROP INDEX "${s}"."notification_pending_idx"`);
    await queryRunner.query(
      `CREATE INDEX "notification_pending_idx" ON "${s}"."notification"  ("status") WHERE status IN ('pending', 'held-for-digest', 'sending')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."notification_pending_idx"`);
    await queryRunner.query(
      `CREATE INDEX "notification_pending_idx" ON "${s}"."notification"  ("status") WHERE status IN ('pending', 'held-for-digest')`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."notification" DROP COLUMN "sending_at"`);
  }
}
