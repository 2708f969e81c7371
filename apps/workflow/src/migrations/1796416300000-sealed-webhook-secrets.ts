import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * Webhook secrets are issued by the service and kept sealed (AES-256-GCM) instead of chosen by
 * the member and kept in clear. The clear secrets are dropped, not sealed: they were signed with
 * under the old scheme (`x-cancer-network-signature`), which receivers must change for the
 * Standard Webhooks headers anyway, and a migration does not hold the service's key. A member
 * with a webhook sets it again (or asks for a new secret) and is shown the new secret once;
 * until then their webhook notifications fail, each recorded and announced as failed.
 */
export class SealedWebhookSecrets1796416300000 implements MigrationInterface {
  name = 'SealedWebhookSecrets1796416300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."member_preference" DROP COLUMN "webhook_secret"`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."member_preference" ADD "webhook_secret_sealed" bytea`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."member_preference" DROP COLUMN "webhook_secret_sealed"`,
    );
    // The sealed secrets cannot be put back in clear without the key: members set them again.
    await queryRunner.query(
      `ALTER TABLE "${s}"."member_preference" ADD "webhook_secret" character varying(200)`,
    );
  }
}
