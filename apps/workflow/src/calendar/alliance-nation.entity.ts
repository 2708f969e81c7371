import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NATIONS } from '#contracts';

/** Each alliance's nation, from membership's alliance events: it picks the case's calendar. */
@Entity({ name: 'alliance_nation' })
export class AllianceNation {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @Column({ type: 'varchar', length: 20 })
  nation!: (typeof NATIONS)[number];
}
