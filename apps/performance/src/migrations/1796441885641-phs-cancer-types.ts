import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * Public Health Scotland's cancer types by tumour site, beside England's (Breast, Lung and
 * Head & Neck are spelt alike and already mapped). Editable through PUT /cancer-types.
 */
const PHS_CANCER_TYPES: readonly (readonly [string, string])[] = [
  ['Cervical', 'gynaecology'],
  ['Ovarian', 'gynaecology'],
  ['Colorectal', 'lower-gi'],
  ['Upper GI', 'upper-gi'],
  ['Urological', 'urology'],
  ['Lymphoma', 'haematology'],
  ['Melanoma', 'skin'],
];

export class PhsCancerTypes1796441885641 implements MigrationInterface {
  name = 'PhsCancerTypes1796441885641';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const [label, site] of PHS_CANCER_TYPES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."cancer_type" (key, label, tumour_site) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING`,
        [label.toUpperCase(), label, site],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DELETE FROM "${s}"."cancer_type" WHERE key = ANY($1)`, [
      PHS_CANCER_TYPES.map(([label]) => label.toUpperCase()),
    ]);
  }
}
