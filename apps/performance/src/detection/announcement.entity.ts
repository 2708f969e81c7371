import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { WaitingTimeStandard } from '#contracts';

/**
 * A breach, recovery or breach withdrawal announced for a subject (alliance, tumour site, standard) and the
 * period it was announced for. Detection announces only what follows the last of these, so
 * running it again on the same data announces nothing new.
 */
@Entity({ name: 'announcement' })
export class Announcement {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @PrimaryColumn({ name: 'tumour_site', type: 'varchar', length: 60 })
  tumourSite!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  standard!: WaitingTimeStandard;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: 'breached' | 'recovered' | 'withdrawn';

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @CreateDateColumn({ name: 'announced_at', type: 'timestamptz' })
  announcedAt!: Date;
}
