import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { MEASURE_ANSWERS, MEASURE_REVIEW_OUTCOMES } from '#contracts';

export type MeasureAnswer = (typeof MEASURE_ANSWERS)[number];
export type ReviewOutcome = (typeof MEASURE_REVIEW_OUTCOMES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The team's answer to one measure. */
export interface AnswerEntry {
  measureId: string;
  answer: MeasureAnswer;
  evidenceUrl: string | null;
  comment: string | null;
}

/** The network's review of one answer: agreed, or challenged with the network's own finding. */
export interface ReviewEntry {
  measureId: string;
  outcome: ReviewOutcome;
  /** What the network finds; null when it agreed (the team's answer stands). */
  finding: MeasureAnswer | null;
  comment: string | null;
  seriousConcern: boolean;
}

/** A body's self-assessment against one version of a measure set, and the network's review. */
@Entity({ name: 'quality_assessment' })
// Its (body_id, measure_set_id) index also serves a body's assessments.
@Unique('quality_assessment_body_set_key', ['bodyId', 'measureSetId'])
export class QualityAssessment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'measure_set_id', type: 'uuid' })
  measureSetId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: AssessmentStatus;

  @Column({ type: 'jsonb' })
  answers!: AnswerEntry[];

  @Column({ type: 'jsonb' })
  reviews!: ReviewEntry[];

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'varchar', length: 300, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 300, nullable: true })
  reviewedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
