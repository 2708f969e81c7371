import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { INTEREST_ACTIONS, INTEREST_NATURES } from '#contracts';

/**
 * An interest a member attending declared in an agenda item, and what the chair agreed they do
 * for it: leave the room, stay but take no part in the decision, or take part. One per member
 * and item; it goes into the minutes' public record with the decisions.
 */
@Entity({ name: 'declaration_of_interest' })
@Index('declaration_of_interest_item_member_key', ['agendaItemId', 'memberId'], { unique: true })
@Index('declaration_of_interest_meeting_idx', ['meetingId'])
export class DeclarationOfInterest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'declaration_of_interest_pkey' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 30 })
  nature!: (typeof INTEREST_NATURES)[number];

  @Column({ type: 'varchar', length: 1000 })
  interest!: string;

  @Column({ type: 'varchar', length: 20 })
  action!: (typeof INTEREST_ACTIONS)[number];

  /** Who recorded it: their member id, else their account's token subject. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
