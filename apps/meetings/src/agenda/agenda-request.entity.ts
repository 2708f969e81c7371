import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Paper } from './agenda-item.entity.js';

export const AGENDA_REQUEST_STATUSES = ['placed', 'unplaced'] as const;

/** A request from another service to table something at a body's next eligible meeting. */
@Entity({ name: 'agenda_request' })
@Index('agenda_request_body_status_idx', ['bodyId', 'status'])
export class AgendaRequest {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'external_reference', type: 'varchar', length: 200 })
  externalReference!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  presenter!: string | null;

  @Column({ type: 'jsonb' })
  papers!: Paper[];

  @Column({ name: 'table_by', type: 'date', nullable: true })
  tableBy!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof AGENDA_REQUEST_STATUSES)[number];

  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true })
  agendaItemId!: string | null;

  /** Why it could not be placed, while unplaced. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
