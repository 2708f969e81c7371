import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * Version 1 of two demonstration measure sets, lung and breast, a few measures each, written
 * for this platform in its own words to show the shape of the data (a real network loads the
 * measures it assesses against through `POST /measure-sets`). A migration keeps its own copy,
 * so later edits elsewhere do not change what it seeded.
 */
const SETS = [
  {
    id: '6a0f3c52-4d1e-4b7a-9c1f-3e2d5b8a7c01',
    code: 'lung',
    title: 'Lung cancer team measures (demonstration)',
    measures: [
      {
        id: 'LUNG-01',
        text: 'The lung team has a named clinical lead whose job plan sets aside time for the role.',
        evidence: "The lead's name and the part of their job plan that gives the time.",
      },
      {
        id: 'LUNG-02',
        text: 'The multidisciplinary team meets every week and the core specialties are present at each meeting.',
        evidence: 'Attendance records of the meetings over the last year.',
      },
      {
        id: 'LUNG-03',
        text: 'A lung clinical nurse specialist is with the patient, or sees them the same day, when the diagnosis is given.',
        evidence: 'An audit of recent diagnoses recording who was present.',
      },
      {
        id: 'LUNG-04',
        text: 'The team looks at its own 28-day Faster Diagnosis figures each quarter and records what it will do about them.',
        evidence: 'Minutes of the meetings where the figures were discussed.',
      },
    ],
  },
  {
    id: '6a0f3c52-4d1e-4b7a-9c1f-3e2d5b8a7c02',
    code: 'breast',
    title: 'Breast cancer team measures (demonstration)',
    measures: [
      {
        id: 'BREAST-01',
        text: 'The breast team has a named clinical lead whose job plan sets aside time for the role.',
        evidence: "The lead's name and the part of their job plan that gives the time.",
      },
      {
        id: 'BREAST-02',
        text: 'People referred with breast symptoms are offered examination, imaging and, where needed, a biopsy in one visit.',
        evidence: 'The clinic template and a month of clinic lists.',
      },
      {
        id: 'BREAST-03',
        text: 'A breast clinical nurse specialist is present when the diagnosis is given, and the patient leaves with a named contact.',
        evidence: 'An audit of recent diagnoses recording who was present and the contact given.',
      },
      {
        id: 'BREAST-04',
        text: 'The team takes part in the national breast audit and discusses its results at a network group meeting each year.',
        evidence: 'The audit submission and the minutes of the meeting that discussed it.',
      },
    ],
  },
];

export class QualityMeasuresReferenceData1796440920445 implements MigrationInterface {
  name = 'QualityMeasuresReferenceData1796440920445';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const set of SETS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."measure_set" (id, code, version, title, measures, created_by)
         VALUES ($1, $2, 1, $3, $4, 'reference-data')`,
        [set.id, set.code, set.title, JSON.stringify(set.measures)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DELETE FROM "${s}"."measure_set" WHERE id = ANY($1)`, [
      SETS.map((set) => set.id),
    ]);
  }
}
