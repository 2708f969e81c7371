import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An identity provider's account that acts as a member, from membership's identity events. */
@Entity({ name: 'identity_link' })
@Index('identity_link_member_idx', ['memberId'])
export class IdentityLink {
  @PrimaryColumn({ type: 'varchar', length: 500, primaryKeyConstraintName: 'PK_identity_link' })
  issuer!: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'PK_identity_link' })
  subject!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;
}
