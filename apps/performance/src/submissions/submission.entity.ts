import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DataStatus, WaitingTimeStandard } from '#contracts';
import { numeric } from '../common/numeric.js';

/**
 * One row of a provider's monthly return for a standard, as published: a cancer type, route
 * and modality with its counts. `ALL ...` rows are kept (they are what was published) but
 * flagged, and never added to the detail rows they total. The row key's unique index leads
 * with (period, standard, org_code, basis): the scope an import replaces.
 */
@Entity({ name: 'submission' })
@Unique('submission_row_key', [
  'period',
  'standard',
  'orgCode',
  'basis',
  'cancerTypeKey',
  'route',
  'modality',
])
export class Submission {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  /** The month's first day. */
  @Column({ type: 'date' })
  period!: string;

  @Column({ type: 'varchar', length: 20 })
  standard!: WaitingTimeStandard;

  @Column({ name: 'org_code', type: 'varchar', length: 9 })
  orgCode!: string;

  @Column({ type: 'varchar', length: 12 })
  basis!: 'provider' | 'commissioner';

  @Column({ name: 'cancer_type', type: 'varchar', length: 200 })
  cancerType!: string;

  /** The cancer type folded, to match the mapping whatever the file's case and spacing. */
  @Column({ name: 'cancer_type_key', type: 'varchar', length: 200 })
  cancerTypeKey!: string;

  @Column({ type: 'varchar', length: 200 })
  route!: string;

  @Column({ type: 'varchar', length: 200 })
  modality!: string;

  @Column({ type: 'numeric', precision: 12, scale: 1, transformer: numeric })
  total!: number;

  @Column({ type: 'numeric', precision: 12, scale: 1, transformer: numeric })
  within!: number;

  @Column({ type: 'numeric', precision: 12, scale: 1, transformer: numeric })
  breaches!: number;

  @Column({ type: 'boolean' })
  aggregate!: boolean;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  /** Whether the figures are provisional or final, as the submission said. */
  @Column({ name: 'data_status', type: 'varchar', length: 12, default: 'provisional' })
  dataStatus!: DataStatus;
}
