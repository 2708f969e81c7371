import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface TermsOfReference {
  quorum: { chairOrDeputy: boolean; minimumFraction: number; requireClinician: boolean };
  papersDueDaysBefore: number;
  reviewedOn: string | null;
}

/**
 * Each version of a body's terms of reference from the time membership announced it, so
 * quorum is judged by the terms as they stood at the meeting.
 */
@Entity({ name: 'body_terms' })
export class BodyTerms {
  @PrimaryColumn({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @PrimaryColumn({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ type: 'jsonb' })
  terms!: TermsOfReference;
}
