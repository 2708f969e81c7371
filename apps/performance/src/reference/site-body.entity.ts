import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BODY_KINDS } from '#contracts';

/** Membership's bodies with their specialty, to find an alliance's network group for a tumour site. */
@Entity({ name: 'site_body' })
@Index('site_body_lookup_idx', ['allianceId', 'specialty'])
export class SiteBody {
  @PrimaryColumn({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: (typeof BODY_KINDS)[number];

  @Column({ type: 'varchar', length: 60, nullable: true })
  specialty!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
