import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class OtherMeasures1795249131376 implements MigrationInterface {
  name = 'OtherMeasures1795249131376';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."backlog_snapshot" ("week_ending" date NOT NULL, "org_code" character varying(9) NOT NULL, "tumour_site" character varying(60) NOT NULL, "days_0_28" integer NOT NULL, "days_29_62" integer NOT NULL, "days_63_104" integer NOT NULL, "days_over_104" integer NOT NULL, CONSTRAINT "backlog_snapshot_counts_check" CHECK (days_0_28 >= 0 AND days_29_62 >= 0 AND days_63_104 >= 0 AND days_over_104 >= 0), CONSTRAINT "backlog_snapshot_sunday_check" CHECK (EXTRACT(ISODOW FROM week_ending) = 7), CONSTRAINT "PK_6b07814d21993cb9eb22bf9b91b" PRIMARY KEY ("week_ending", "org_code", "tumour_site"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."screening_uptake" ("alliance_id" uuid NOT NULL, "programme" character varying(20) NOT NULL, "period" date NOT NULL, "eligible" integer NOT NULL, "screened" integer NOT NULL, CONSTRAINT "screening_uptake_counts_check" CHECK (eligible > 0 AND screened >= 0 AND screened <= eligible), CONSTRAINT "screening_uptake_period_check" CHECK (EXTRACT(DAY FROM period) = 1), CONSTRAINT "screening_uptake_programme_check" CHECK (programme IN ('bowel', 'breast', 'cervical')), CONSTRAINT "PK_c59c5b5a0e53c2f6e5db4f38bb6" PRIMARY KEY ("alliance_id", "programme", "period"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."treatment_baseline" ("alliance_id" uuid NOT NULL, "tumour_site" character varying(60) NOT NULL, "month" integer NOT NULL, "volume" numeric(10,1) NOT NULL, CONSTRAINT "treatment_baseline_volume_check" CHECK (volume >= 0), CONSTRAINT "treatment_baseline_month_check" CHECK (month BETWEEN 1 AND 12), CONSTRAINT "PK_941f8e23bbf35a0fd647472ff7a" PRIMARY KEY ("alliance_id", "tumour_site", "month"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."treatment_baseline"`);
    await queryRunner.query(`DROP TABLE "${s}"."screening_uptake"`);
    await queryRunner.query(`DROP TABLE "${s}"."backlog_snapshot"`);
  }
}
