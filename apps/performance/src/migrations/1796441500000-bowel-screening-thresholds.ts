import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

const BOWEL = `measure = 'screening-bowel' AND scope_kind = 'nation' AND scope_value = 'england' AND set_by = 'reference-data'`;

/**
 * Bowel screening uptake has an acceptable level as well as an achievable one: 52% acceptable,
 * 60% achievable (NHS Bowel Cancer Screening Programme uptake standards, as the breast and
 * cervical targets seeded beside it). Only the seeded row changes; a target an alliance or
 * admin set is left as it is.
 */
export class BowelScreeningThresholds1796441500000 implements MigrationInterface {
  name = 'BowelScreeningThresholds1796441500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `UPDATE "${s}"."target" SET lower = 0.52, source = 'Bowel screening uptake: 52% acceptable, 60% achievable' WHERE ${BOWEL} AND lower IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `UPDATE "${s}"."target" SET lower = NULL, source = 'Bowel screening uptake standard: 60%' WHERE ${BOWEL} AND lower = 0.52`,
    );
  }
}
