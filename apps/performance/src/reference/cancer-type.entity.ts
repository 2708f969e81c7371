import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A CWT cancer type and the tumour site it belongs to (`Suspected lung cancer` and `Lung` are
 * both `lung`). Keyed by the folded spelling, since case and spacing vary between files.
 * A null site (`Missing or invalid`, `Other`) counts for the provider and alliance only.
 */
@Entity({ name: 'cancer_type' })
export class CancerType {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ name: 'tumour_site', type: 'varchar', length: 60, nullable: true })
  tumourSite!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The key a cancer type is stored and matched under. */
export function cancerTypeKey(label: string): string {
  return label.trim().toUpperCase().replace(/\s+/g, ' ');
}
