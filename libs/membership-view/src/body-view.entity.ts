import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BODY_KINDS } from '#contracts';

/** A governance body as membership last announced it. */
@Entity({ name: 'body_view' })
export class BodyView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: (typeof BODY_KINDS)[number];

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'parent_body_id', type: 'uuid', nullable: true })
  parentBodyId!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
