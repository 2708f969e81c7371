import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A Scottish health board (`S08000031`) and the regional network its Public Health Scotland
 * figures count towards, named by the network's code as membership spells its alliance
 * (`WOSCAN`): the code, not the id, so the table can be filled before membership announces the
 * network. An import links each board it reads to that alliance (health-board-links.ts).
 */
@Entity({ name: 'health_board' })
export class HealthBoard {
  @PrimaryColumn({ name: 'board_code', type: 'varchar', length: 9 })
  boardCode!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  /** Null: the board counts towards no network (its rows count for the board only). */
  @Column({ name: 'network_code', type: 'varchar', length: 20, nullable: true })
  networkCode!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
