import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationChannel } from './notification.entity.js';

/** How a member wants to hear from the workflow; members without a row get e-mail and the inbox, at once. */
@Entity({ name: 'member_preference' })
export class MemberPreference {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text', array: true })
  channels!: NotificationChannel[];

  /** Non-urgent notifications once a day, in one e-mail, instead of one by one. */
  @Column({ type: 'boolean' })
  digest!: boolean;

  @Column({ name: 'webhook_url', type: 'varchar', length: 500, nullable: true })
  webhookUrl!: string | null;

  /** The key webhook bodies are signed with (HMAC-SHA256). */
  @Column({ name: 'webhook_secret', type: 'varchar', length: 200, nullable: true })
  webhookSecret!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const DEFAULT_CHANNELS: readonly NotificationChannel[] = ['email', 'inbox'];
