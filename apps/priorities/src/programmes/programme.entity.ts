import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An alliance's work programme over delivery years, e.g. 2023/24 to 2027/28. */
@Entity({ name: 'programme' })
export class Programme {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** First delivery year, e.g. `2023/24`. */
  @Column({ name: 'first_year', type: 'varchar', length: 7 })
  firstYear!: string;

  @Column({ name: 'last_year', type: 'varchar', length: 7 })
  lastYear!: string;

  @Column({ name: 'intended_outcomes', type: 'jsonb' })
  intendedOutcomes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
