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

  /**
   * The secret webhooks are signed with (`whsec_...`), issued by the service, sealed with
   * AES-256-GCM (iv, tag, ciphertext; see WebhookSecretBox): never stored or shown in clear.
   */
  @Column({ name: 'webhook_secret_sealed', type: 'bytea', nullable: true })
  webhookSecretSealed!: Buffer | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const DEFAULT_CHANNELS: readonly NotificationChannel[] = ['email', 'inbox'];
