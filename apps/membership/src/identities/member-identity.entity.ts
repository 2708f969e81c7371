import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { IDENTITY_LINK_SOURCES } from '#contracts';
import { Member } from '../members/member.entity.js';

/** An identity provider's account that acts as a member: one member may have several. */
@Entity({ name: 'member_identity' })
@Index('member_identity_member_idx', ['memberId'])
export class MemberIdentity {
  @PrimaryColumn({ type: 'varchar', length: 500, primaryKeyConstraintName: 'PK_member_identity' })
  issuer!: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'PK_member_identity' })
  subject!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'member_identity_member_fk' })
  member?: Member;

  @Column({ name: 'linked_by', type: 'varchar', length: 20 })
  linkedBy!: (typeof IDENTITY_LINK_SOURCES)[number];

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}
