import { Column, CreateDateColumn, Entity, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import type { ORGANISATION_TYPES } from '#contracts';
import { Alliance } from '../alliances/alliance.entity.js';

/** An NHS organisation identified by its ODS code (a trust, a site, an ICB, a practice). */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryColumn({ name: 'ods_code', type: 'varchar', length: 9 })
  odsCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  type!: (typeof ORGANISATION_TYPES)[number];

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  @ManyToOne(() => Alliance, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Alliance;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
