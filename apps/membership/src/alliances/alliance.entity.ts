import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ALLIANCE_KINDS, NATIONS } from '#contracts';

/** An English Cancer Alliance or a Scottish (or other) regional or national cancer network. */
@Entity({ name: 'alliance' })
export class Alliance {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Short, stable code chosen by admins, e.g. `EOE`, `WOSCAN`. */
  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  nation!: (typeof NATIONS)[number];

  @Column({ type: 'varchar', length: 30 })
  kind!: (typeof ALLIANCE_KINDS)[number];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
