import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who a commenter says they are, as the comment form asks. */
export const COMMENT_RELATIONSHIPS = [
  'patient',
  'carer',
  'public',
  'professional',
  'organisation',
] as const;
export type CommentRelationship = (typeof COMMENT_RELATIONSHIPS)[number];

/**
 * A comment from anyone, signed in or not, on a pathway version under consultation. Kept for the
 * owning body's chair, clinical lead and secretariat to read; never shown publicly. The name and
 * e-mail address are the commenter's own and optional: personal data, kept out of the audit log.
 */
@Entity({ name: 'pathway_comment' })
@Index('pathway_comment_body_idx', ['bodyId', 'receivedAt'])
export class PathwayComment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'pathway_id', type: 'uuid' })
  pathwayId!: string;

  @Column({ name: 'pathway_version_id', type: 'uuid' })
  pathwayVersionId!: string;

  /** The body owning the pathway when the comment came in: the one whose officers read it. */
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 20 })
  relationship!: CommentRelationship;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Who marked it read, as the audit log names actors (`member:<id>` or `user:<subject>`). */
  @Column({ name: 'read_by', type: 'varchar', length: 300, nullable: true })
  readBy!: string | null;
}
