import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DataStatus, WaitingTimeStandard } from '#contracts';
import type { RowProblem } from '../common/unprocessable-rows.error.js';
import type { CwtLayout, RetiredStandard } from '../import/cwt-layout.js';
import type { PartCount } from './cwt-totals.js';

export const IMPORT_MODES = ['all-or-nothing', 'good-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/** `imported`; `rejected` by its rows, its file or a cap; `failed` on an unforeseen error. */
export type ImportStatus = 'imported' | 'rejected' | 'failed';

/**
 * What one submission (a CSV import or an API call) did, kept whatever its end (kept outside
 * the import's transaction when that was rolled back): the counts, the periods it replaced, and
 * every bad row with its line, or what else stopped it.
 */
/** The rows of one retired standard that an import skipped. */
export interface SkippedRows {
  standard: RetiredStandard;
  rows: number;
}

@Entity({ name: 'import_run' })
export class ImportRun {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  source!: 'csv' | 'api';

  @Column({ type: 'varchar', length: 20, nullable: true })
  layout!: CwtLayout | null;

  @Column({ name: 'file_name', type: 'varchar', length: 300, nullable: true })
  fileName!: string | null;

  @Column({ type: 'varchar', length: 20 })
  mode!: ImportMode;

  /** `imported`; nothing was written when `rejected` or `failed`. */
  @Column({ type: 'varchar', length: 10 })
  status!: ImportStatus;

  /** The figures' status as submitted: provisional, or final (a revision). */
  @Column({ name: 'data_status', type: 'varchar', length: 12, default: 'provisional' })
  dataStatus!: DataStatus;

  @Column({ name: 'rows_read', type: 'int' })
  rowsRead!: number;

  @Column({ name: 'rows_imported', type: 'int' })
  rowsImported!: number;

  @Column({ name: 'rows_rejected', type: 'int' })
  rowsRejected!: number;

  /** Rows of a retired standard (two-week wait): not counted, and no problem. */
  @Column({ name: 'rows_skipped', type: 'int', default: 0 })
  rowsSkipped!: number;

  /** The skipped rows per retired standard. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  skipped!: SkippedRows[];

  /** Plain sentences on what the import left out and why. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  notes!: string[];

  @Column({ name: 'aggregate_rows', type: 'int' })
  aggregateRows!: number;

  @Column({ name: 'rows_replaced', type: 'int' })
  rowsReplaced!: number;

  /** Per standard and month, the rows counted and the rows taken as totals. */
  @Column({ name: 'by_standard_and_period', type: 'jsonb', default: () => `'[]'` })
  byStandardAndPeriod!: PartCount[];

  @Column({ type: 'text', array: true })
  periods!: string[];

  @Column({ type: 'text', array: true })
  standards!: WaitingTimeStandard[];

  /** The bad rows, the first thousand of them; `rowsRejected` counts them all. */
  @Column({ type: 'jsonb' })
  problems!: RowProblem[];

  /** Providers with no alliance and cancer types with no mapping: imported, but not counted there. */
  @Column({ name: 'unmapped_providers', type: 'text', array: true })
  unmappedProviders!: string[];

  @Column({ name: 'unmapped_cancer_types', type: 'text', array: true })
  unmappedCancerTypes!: string[];

  @Column({ name: 'submitted_by', type: 'varchar', length: 200 })
  submittedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
