import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A member's calendar subscription: the URL a calendar app reads their feed from without a
 * token. Only the SHA-256 of the URL's secret is kept, so the table cannot hand it out.
 */
@Entity({ name: 'calendar_subscription' })
@Index('calendar_subscription_token_hash_key', ['tokenHash'], { unique: true })
// One live subscription per member: issuing a new one revokes the old.
@Index('calendar_subscription_live_member_key', ['memberId'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
export class CalendarSubscription {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'calendar_subscription_pkey' })
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  /** Hex SHA-256 of the token in the URL. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
