import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One measure of a set: what a team must show, and the evidence the network asks for. */
export interface Measure {
  /** Unique within the set and kept across its versions, e.g. `LUNG-02`. */
  id: string;
  text: string;
  evidence: string;
}

/**
 * A version of the quality measures for a tumour site or service. Sets are data: a change is
 * a new version beside the old one, and an assessment keeps answering the version it began on.
 */
@Entity({ name: 'measure_set' })
@Unique('measure_set_version_key', ['code', 'version'])
export class MeasureSet {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The tumour site or service the set is for, e.g. `lung` or `acute-oncology`. */
  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'jsonb' })
  measures!: Measure[];

  @Column({ name: 'created_by', type: 'varchar', length: 300 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
