import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PATHWAY_SCOPES } from '#contracts';

/** A clinical pathway for a tumour site (a National Clinical Management Pathway in Scotland). */
@Entity({ name: 'pathway' })
@Index('pathway_body_idx', ['bodyId'])
export class Pathway {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The body that owns and reviews it. */
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'tumour_site', type: 'varchar', length: 50 })
  tumourSite!: string;

  @Column({ type: 'varchar', length: 20 })
  scope!: (typeof PATHWAY_SCOPES)[number];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
