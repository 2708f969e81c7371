import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The public reference facts the service starts with (all editable through the API):
 * the standards and their clocks, their targets over time, and the CWT cancer types by
 * tumour site. A planning year's target "by March YYYY" is read as the target of the year
 * ending then, judged from its April; the 62-day interim targets stand in for the
 * constitutional 85% while they run.
 */
const STANDARDS = [
  [
    'fds-28',
    '28-day Faster Diagnosis Standard',
    'england',
    'waiting-time',
    'monthly',
    28,
    'Receipt of an urgent suspected cancer referral, an urgent screening referral, or a breast symptomatic referral',
    'The patient is told they have cancer, or that cancer is ruled out',
  ],
  [
    'combined-31',
    '31-day combined standard',
    'england',
    'waiting-time',
    'monthly',
    31,
    'Decision to treat',
    'Start of treatment (first or subsequent)',
  ],
  [
    'combined-62',
    '62-day combined standard',
    'england',
    'waiting-time',
    'monthly',
    62,
    'Receipt of an urgent suspected cancer, breast symptomatic or screening referral, or a consultant upgrade',
    'First definitive treatment',
  ],
  [
    'scotland-31',
    '31-day standard (Scotland)',
    'scotland',
    'waiting-time',
    'quarterly',
    31,
    'Decision to treat',
    'First cancer treatment',
  ],
  [
    'scotland-62',
    '62-day standard (Scotland)',
    'scotland',
    'waiting-time',
    'quarterly',
    62,
    'Receipt of an urgent referral with a suspicion of cancer',
    'First cancer treatment',
  ],
  [
    'screening-bowel',
    'Bowel screening uptake',
    'england',
    'screening',
    'quarterly',
    null,
    null,
    null,
  ],
  [
    'screening-breast',
    'Breast screening coverage',
    'england',
    'screening',
    'quarterly',
    null,
    null,
    null,
  ],
  [
    'screening-cervical',
    'Cervical screening coverage',
    'england',
    'screening',
    'quarterly',
    null,
    null,
    null,
  ],
] as const;

const CWT_2023 = 'NHS England cancer waiting times standards from October 2023';
const TARGETS = [
  ['fds-28', 'england', 0.75, null, '2023-10-01', '2024-03-31', `${CWT_2023}: 75%`],
  [
    'fds-28',
    'england',
    0.77,
    null,
    '2024-04-01',
    '2025-03-31',
    'NHS England planning guidance: 77% by March 2025',
  ],
  [
    'fds-28',
    'england',
    0.8,
    null,
    '2025-04-01',
    null,
    'NHS England planning guidance: 80% by March 2026',
  ],
  ['combined-31', 'england', 0.96, null, '2023-10-01', null, `${CWT_2023}: 96%`],
  [
    'combined-62',
    'england',
    0.85,
    null,
    '2023-10-01',
    '2024-03-31',
    `${CWT_2023}: 85% constitutional`,
  ],
  [
    'combined-62',
    'england',
    0.7,
    null,
    '2024-04-01',
    '2025-03-31',
    'NHS England planning guidance: interim 70% by March 2025',
  ],
  [
    'combined-62',
    'england',
    0.75,
    null,
    '2025-04-01',
    null,
    'NHS England planning guidance: interim 75% by March 2026',
  ],
  [
    'scotland-31',
    'scotland',
    0.95,
    null,
    '2000-01-01',
    null,
    'Scottish Government standard: 95% within 31 days of decision to treat',
  ],
  [
    'scotland-62',
    'scotland',
    0.95,
    null,
    '2000-01-01',
    null,
    'Scottish Government standard: 95% within 62 days of urgent referral',
  ],
  [
    'screening-bowel',
    'england',
    0.6,
    null,
    '2000-01-01',
    null,
    'Bowel screening uptake standard: 60%',
  ],
  [
    'screening-breast',
    'england',
    0.8,
    0.7,
    '2000-01-01',
    null,
    'Breast screening coverage: 70% acceptable, 80% achievable',
  ],
  [
    'screening-cervical',
    'england',
    0.8,
    0.75,
    '2000-01-01',
    null,
    'Cervical screening coverage: 80%, 75% lower threshold',
  ],
] as const;

const CANCER_TYPES: readonly (readonly [string, string | null])[] = [
  // The 28-day FDS reports by suspected cancer.
  ['Suspected breast cancer', 'breast'],
  ['Exhibited (non-cancer) breast symptoms - cancer not initially suspected', 'breast'],
  ['Suspected lung cancer', 'lung'],
  ['Suspected lower gastrointestinal cancer', 'lower-gi'],
  ['Suspected upper gastrointestinal cancer', 'upper-gi'],
  ['Suspected urological malignancies (excluding testicular)', 'urology'],
  ['Suspected testicular cancer', 'urology'],
  ['Suspected gynaecological cancer', 'gynaecology'],
  ['Suspected head & neck cancer', 'head-and-neck'],
  ['Suspected haematological malignancies (excluding acute leukaemia)', 'haematology'],
  ['Suspected acute leukaemia', 'haematology'],
  ['Suspected skin cancer', 'skin'],
  ['Suspected brain/central nervous system tumours', 'brain-cns'],
  ['Suspected sarcoma', 'sarcoma'],
  ["Suspected children's cancer", 'children-young-people'],
  ['Other suspected cancer (not listed)', null],
  // The 31- and 62-day standards report by diagnosed cancer.
  ['Breast', 'breast'],
  ['Lung', 'lung'],
  ['Lower Gastrointestinal', 'lower-gi'],
  ['Upper Gastrointestinal - Oesophagus & Stomach', 'upper-gi'],
  ['Upper Gastrointestinal - Hepatobiliary', 'upper-gi'],
  ['Urological - Prostate', 'urology'],
  ['Urological - Bladder', 'urology'],
  ['Urological - Kidney', 'urology'],
  ['Urological - Testicular', 'urology'],
  ['Urological - Other', 'urology'],
  ['Gynaecological', 'gynaecology'],
  ['Head & Neck', 'head-and-neck'],
  ['Haematological - Lymphoma', 'haematology'],
  ['Haematological - Other (a)', 'haematology'],
  ['Acute Leukaemia', 'haematology'],
  ['Skin', 'skin'],
  ['Brain/CNS', 'brain-cns'],
  ['Sarcoma', 'sarcoma'],
  ["Children's", 'children-young-people'],
  ['Other (a)', null],
  ['Missing or invalid', null],
];

export class ReferenceData1795248323541 implements MigrationInterface {
  name = 'ReferenceData1795248323541';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const [code, name, nation, kind, cadence, days, starts, stops] of STANDARDS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."standard" (code, name, nation, kind, cadence, days, clock_starts, clock_stops)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [code, name, nation, kind, cadence, days, starts, stops],
      );
    }
    for (const [measure, nation, value, lower, from, to, source] of TARGETS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."target" (id, measure, scope_kind, scope_value, value, lower, effective_from, effective_to, source, set_by)
         VALUES (gen_random_uuid(), $1, 'nation', $2, $3, $4, $5, $6, $7, 'reference-data')`,
        [measure, nation, value, lower, from, to, source],
      );
    }
    for (const [label, site] of CANCER_TYPES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."cancer_type" (key, label, tumour_site) VALUES ($1, $2, $3)`,
        [label.toUpperCase().replace(/\s+/g, ' '), label, site],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DELETE FROM "${s}"."cancer_type"`);
    await queryRunner.query(`DELETE FROM "${s}"."target" WHERE set_by = 'reference-data'`);
    await queryRunner.query(`DELETE FROM "${s}"."standard"`);
  }
}
