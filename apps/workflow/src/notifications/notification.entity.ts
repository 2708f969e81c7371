import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NOTIFICATION_CHANNELS } from '#contracts';

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/**
 * `sending` is a claim, committed before the message leaves: a row still `sending` after
 * NOTIFICATION_SENDING_TIMEOUT_SECONDS was cut off mid-send and is recorded `failed`, never
 * sent again, since the server may have taken it.
 */
export const NOTIFICATION_STATUSES = [
  'pending',
  'held-for-digest',
  'sending',
  'sent',
  'failed',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The error of a notification cut off mid-send: it may or may not have arrived. */
export const OUTCOME_UNKNOWN = 'outcome unknown: the process stopped while sending';

/**
 * One message to one member on one channel, recorded with its status. Its dedup key (the case,
 * the history entry that caused it, the audience, the member and the channel) is unique, so
 * however often its cause is processed it is planned, and sent, once.
 */
@Entity({ name: 'notification' })
@Index('notification_dedup_key', ['dedupKey'], { unique: true })
@Index('notification_member_idx', ['memberId', 'createdAt'])
@Index('notification_pending_idx', ['status'], {
  where: `status IN ('pending', 'held-for-digest', 'sending')`,
})
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 300 })
  dedupKey!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 10 })
  channel!: NotificationChannel;

  /** The address it went to: an e-mail address or a webhook URL; null for the inbox. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Urgent ones go at once; the rest wait for the daily digest when the member asked for one. */
  @Column({ type: 'boolean' })
  urgent!: boolean;

  @Column({ type: 'varchar', length: 20 })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the last attempt claimed it for sending. */
  @Column({ name: 'sending_at', type: 'timestamptz', nullable: true })
  sendingAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Inbox only: when the member marked it read. */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
