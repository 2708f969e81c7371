import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SPECIALTY_KINDS = ['tumour-site', 'cross-cutting'] as const;

/** A tumour site or cross-cutting area a network group covers; the list is extensible. */
@Entity({ name: 'specialty' })
export class Specialty {
  /** Stable kebab-case code, e.g. `lung`, `upper-gi`, `acute-oncology`. */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: (typeof SPECIALTY_KINDS)[number];
}
