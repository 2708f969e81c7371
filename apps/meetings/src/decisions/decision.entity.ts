import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DECISION_OUTCOMES } from '#contracts';

/** What a quorate meeting decided on an agenda item: one decision per item. */
@Entity({ name: 'decision' })
@Index('decision_agenda_item_key', ['agendaItemId'], { unique: true })
export class Decision {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'varchar', length: 30 })
  outcome!: (typeof DECISION_OUTCOMES)[number];

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ name: 'votes_for', type: 'integer', nullable: true })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'integer', nullable: true })
  votesAgainst!: number | null;

  @Column({ name: 'votes_abstained', type: 'integer', nullable: true })
  votesAbstained!: number | null;

  /** Who recorded it, for the audit trail: their member id, else their account's token subject. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
