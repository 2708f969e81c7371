import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PRIORITY_CATEGORIES, PRIORITY_SOURCES, RAG_STATUSES } from '#contracts';

/** A clinical priority a body leads, with its RAG status. */
@Entity({ name: 'priority' })
@Index('priority_body_idx', ['bodyId'])
export class Priority {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  source!: (typeof PRIORITY_SOURCES)[number];

  @Column({ type: 'varchar', length: 40 })
  category!: (typeof PRIORITY_CATEGORIES)[number];

  @Column({ type: 'varchar', length: 10 })
  rag!: (typeof RAG_STATUSES)[number];

  @Column({ name: 'rag_reason', type: 'text' })
  ragReason!: string;

  @Column({ name: 'rag_set_by', type: 'varchar', length: 200 })
  ragSetBy!: string;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
