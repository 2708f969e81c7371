import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const PATHWAY_VERSION_STATUSES = [
  'draft',
  'consultation',
  'approved',
  'published',
  'superseded',
] as const;

@Entity({ name: 'pathway_version' })
@Index('pathway_version_key', ['pathwayId', 'version'], { unique: true })
// One published version per pathway: publishing the next supersedes it.
@Index('pathway_one_published_key', ['pathwayId'], { unique: true, where: `status = 'published'` })
export class PathwayVersion {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'pathway_id', type: 'uuid' })
  pathwayId!: string;

  @Column({ type: 'varchar', length: 20 })
  version!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof PATHWAY_VERSION_STATUSES)[number];

  @Column({ name: 'document_url', type: 'varchar', length: 500 })
  documentUrl!: string;

  @Column({ name: 'change_summary', type: 'text' })
  changeSummary!: string;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn!: string | null;

  @Column({ name: 'review_due_announced_on', type: 'date', nullable: true })
  reviewDueAnnouncedOn!: string | null;

  @Column({ name: 'review_overdue_announced_on', type: 'date', nullable: true })
  reviewOverdueAnnouncedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
