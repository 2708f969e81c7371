import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AGENDA_ITEM_TYPES } from '#contracts';
import { Meeting } from '../meetings/meeting.entity.js';

/** The most characters an item's title holds. */
export const AGENDA_TITLE_LENGTH = 300;

export interface Paper {
  title: string;
  url: string;
}

@Entity({ name: 'agenda_item' })
@Index('agenda_item_meeting_idx', ['meetingId', 'position'])
// The same agenda request delivered twice is one item.
@Index('agenda_item_request_key', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
export class AgendaItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'varchar', length: 30 })
  type!: (typeof AGENDA_ITEM_TYPES)[number];

  @Column({ type: 'varchar', length: AGENDA_TITLE_LENGTH })
  title!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  presenter!: string | null;

  @Column({ type: 'jsonb' })
  papers!: Paper[];

  @Column({ type: 'integer' })
  position!: number;

  /** The requester's reference (an escalation case id), carried onto the decision. */
  @Column({ name: 'external_reference', type: 'varchar', length: 200, nullable: true })
  externalReference!: string | null;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
