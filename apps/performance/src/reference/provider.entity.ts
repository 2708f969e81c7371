import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A provider (ODS code) and the alliance its figures count towards. Membership's organisation
 * events fill it; an admin's edit (by API or CSV) wins over them from then on. A Scottish
 * health board's row (source `board`) follows the health_board table instead.
 */
@Entity({ name: 'provider' })
@Index('provider_alliance_idx', ['allianceId'])
export class Provider {
  @PrimaryColumn({ name: 'ods_code', type: 'varchar', length: 9 })
  odsCode!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  source!: 'membership' | 'admin' | 'board';

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
