import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class MembershipSchema1795241169594 implements MigrationInterface {
  name = 'MembershipSchema1795241169594';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // The exclusion constraint compares uuids and text with = inside a GiST index.
    // A trusted extension: the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "${s}"."alliance" ("id" uuid NOT NULL, "code" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "nation" character varying(20) NOT NULL, "kind" character varying(30) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0bbacf609bd7429a1a7fea1dad5" UNIQUE ("code"), CONSTRAINT "PK_4ca41472d33b43df4e3ac16c7a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."specialty" ("code" character varying(50) NOT NULL, "name" character varying(100) NOT NULL, "kind" character varying(20) NOT NULL, CONSTRAINT "PK_c72aeb5de88a80dc569cfad48a2" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."body" ("id" uuid NOT NULL, "alliance_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "specialty_code" character varying(50), "parent_body_id" uuid, "meeting_cadence" character varying(20) NOT NULL, "terms_of_reference" jsonb NOT NULL, "guidance" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcdfba471eb9ce3c1add2c1e83d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "body_one_cag_or_board_per_alliance_key" ON "${s}"."body"  ("alliance_id", "kind") WHERE kind IN ('clinical-advisory-group', 'alliance-board')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "body_alliance_name_key" ON "${s}"."body"  ("alliance_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."organisation" ("ods_code" character varying(9) NOT NULL, "name" character varying(200) NOT NULL, "type" character varying(30) NOT NULL, "alliance_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bca14f541b02ad08b911fdddd5" PRIMARY KEY ("ods_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."member" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "organisation_ods_code" character varying(9), "profession" character varying(40) NOT NULL, "registration_register" character varying(3), "registration_number" character varying(8), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "member_email_key" ON "${s}"."member"  ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."appointment" ("id" uuid NOT NULL, "member_id" uuid NOT NULL, "body_id" uuid NOT NULL, "role" character varying(30) NOT NULL, "term_start" date NOT NULL, "term_end" date, "ended_on" date, "end_reason" character varying(20), "agreed_time_unit" character varying(40), "agreed_time_amount" numeric(5,2), "succeeds_appointment_id" uuid, "term_ending_announced_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "appointment_ended_after_start_check" CHECK (ended_on IS NULL OR ended_on >= term_start), CONSTRAINT "appointment_term_order_check" CHECK (term_end IS NULL OR term_end >= term_start), CONSTRAINT "appointment_single_holder_excl" EXCLUDE USING gist ("body_id" WITH =, "role" WITH =, (daterange(term_start, LEAST(ended_on, term_end + 1), '[)')) WITH &&) WHERE ("role" IN ('chair', 'clinical-lead')), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "appointment_member_idx" ON "${s}"."appointment"  ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "appointment_body_role_idx" ON "${s}"."appointment"  ("body_id", "role") `,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" ADD CONSTRAINT "FK_d5859fabe75637350ceb96e6869" FOREIGN KEY ("alliance_id") REFERENCES "${s}"."alliance"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" ADD CONSTRAINT "FK_1b5c7ad0a2cba973c42b7814dd0" FOREIGN KEY ("specialty_code") REFERENCES "${s}"."specialty"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" ADD CONSTRAINT "FK_e75b51e5cc36a758f6b83ef2557" FOREIGN KEY ("parent_body_id") REFERENCES "${s}"."body"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."organisation" ADD CONSTRAINT "FK_741c535acd33e1ecf9e211cbde5" FOREIGN KEY ("alliance_id") REFERENCES "${s}"."alliance"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."member" ADD CONSTRAINT "FK_2dbc2588c6c966c04e5ed7bfd82" FOREIGN KEY ("organisation_ods_code") REFERENCES "${s}"."organisation"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."appointment" ADD CONSTRAINT "FK_5383415835c278ac24c53af3d44" FOREIGN KEY ("member_id") REFERENCES "${s}"."member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."appointment" ADD CONSTRAINT "FK_4295c04570bb43cffd7483aed88" FOREIGN KEY ("body_id") REFERENCES "${s}"."body"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The tumour sites and cross-cutting areas network groups cover across alliances;
    // admins add others through the API.
    for (const [code, name, kind] of STANDARD_SPECIALTIES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."specialty" (code, name, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [code, name, kind],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."appointment" DROP CONSTRAINT "FK_4295c04570bb43cffd7483aed88"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."appointment" DROP CONSTRAINT "FK_5383415835c278ac24c53af3d44"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."member" DROP CONSTRAINT "FK_2dbc2588c6c966c04e5ed7bfd82"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."organisation" DROP CONSTRAINT "FK_741c535acd33e1ecf9e211cbde5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" DROP CONSTRAINT "FK_e75b51e5cc36a758f6b83ef2557"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" DROP CONSTRAINT "FK_1b5c7ad0a2cba973c42b7814dd0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}"."body" DROP CONSTRAINT "FK_d5859fabe75637350ceb96e6869"`,
    );
    await queryRunner.query(`DROP INDEX "${s}"."appointment_body_role_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."appointment_member_idx"`);
    await queryRunner.query(`DROP TABLE "${s}"."appointment"`);
    await queryRunner.query(`DROP INDEX "${s}"."member_email_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."member"`);
    await queryRunner.query(`DROP TABLE "${s}"."organisation"`);
    await queryRunner.query(`DROP INDEX "${s}"."body_alliance_name_key"`);
    await queryRunner.query(`DROP INDEX "${s}"."body_one_cag_or_board_per_alliance_key"`);
    await queryRunner.query(`DROP TABLE "${s}"."body"`);
    await queryRunner.query(`DROP TABLE "${s}"."specialty"`);
    await queryRunner.query(`DROP TABLE "${s}"."alliance"`);
  }
}

const STANDARD_SPECIALTIES: readonly [string, string, 'tumour-site' | 'cross-cutting'][] = [
  ['breast', 'Breast', 'tumour-site'],
  ['lung', 'Lung', 'tumour-site'],
  ['lower-gi', 'Lower gastrointestinal (colorectal)', 'tumour-site'],
  ['upper-gi', 'Upper gastrointestinal (oesophago-gastric, hepatobiliary)', 'tumour-site'],
  ['urology', 'Urology', 'tumour-site'],
  ['gynaecology', 'Gynaecology', 'tumour-site'],
  ['head-and-neck', 'Head and neck (with thyroid)', 'tumour-site'],
  ['haematology', 'Haematology', 'tumour-site'],
  ['skin', 'Skin', 'tumour-site'],
  ['brain-cns', 'Brain and central nervous system', 'tumour-site'],
  ['sarcoma', 'Sarcoma', 'tumour-site'],
  ['children-young-people', "Children's, teenage and young adult", 'tumour-site'],
  ['cancer-unknown-primary', 'Cancer of unknown primary', 'cross-cutting'],
  ['acute-oncology', 'Acute oncology', 'cross-cutting'],
  ['mscc', 'Metastatic spinal cord compression', 'cross-cutting'],
  ['non-specific-symptoms', 'Non-specific symptoms', 'cross-cutting'],
  ['sact', 'Systemic anti-cancer therapy', 'cross-cutting'],
  ['radiotherapy', 'Radiotherapy', 'cross-cutting'],
  ['diagnostics', 'Diagnostics', 'cross-cutting'],
  ['pathology', 'Pathology', 'cross-cutting'],
  ['radiology', 'Radiology', 'cross-cutting'],
  ['primary-care', 'Primary care', 'cross-cutting'],
  ['palliative-care', 'Palliative and supportive care', 'cross-cutting'],
  ['personalised-care', 'Personalised care', 'cross-cutting'],
];
