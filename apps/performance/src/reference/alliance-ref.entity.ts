import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NATIONS } from '#contracts';

/** An alliance as membership announced it: its code names it in files, its nation picks the standards. */
@Entity({ name: 'alliance_ref' })
export class AllianceRef {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  nation!: (typeof NATIONS)[number];
}
