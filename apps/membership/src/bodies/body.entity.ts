import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BODY_KINDS, MEETING_CADENCES } from '#contracts';
import { Alliance } from '../alliances/alliance.entity.js';
import { Specialty } from '../specialties/specialty.entity.js';

export interface TermsOfReference {
  quorum: {
    chairOrDeputy: boolean;
    minimumFraction: number;
    requireClinician: boolean;
    /** Absent means true: a nominated deputy counts for the member they attend for. */
    deputiesCount?: boolean;
  };
  papersDueDaysBefore: number;
  reviewedOn: string | null;
}

export interface GuidanceDocument {
  title: string;
  url: string;
}

/** A governance body: a network or delivery group, the Clinical Advisory Group, the Board. */
@Entity({ name: 'body' })
@Index('body_alliance_name_key', ['allianceId', 'name'], { unique: true })
// One CAG and one Board per alliance: the ladder has one rung of each.
@Index('body_one_cag_or_board_per_alliance_key', ['allianceId', 'kind'], {
  unique: true,
  where: `kind IN ('clinical-advisory-group', 'alliance-board')`,
})
export class Body {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Alliance, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Alliance;

  @Column({ type: 'varchar', length: 40 })
  kind!: (typeof BODY_KINDS)[number];

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'specialty_code', type: 'varchar', length: 50, nullable: true })
  specialtyCode!: string | null;

  @ManyToOne(() => Specialty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'specialty_code' })
  specialty?: Specialty;

  /** Where an issue goes when this body cannot resolve it; null for a Board. */
  @Column({ name: 'parent_body_id', type: 'uuid', nullable: true })
  parentBodyId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_body_id' })
  parentBody?: Body;

  @Column({ name: 'meeting_cadence', type: 'varchar', length: 20 })
  meetingCadence!: (typeof MEETING_CADENCES)[number];

  @Column({ name: 'terms_of_reference', type: 'jsonb' })
  termsOfReference!: TermsOfReference;

  @Column({ type: 'jsonb' })
  guidance!: GuidanceDocument[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
