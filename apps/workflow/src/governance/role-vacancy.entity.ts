import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SINGLE_HOLDER_ROLES } from '#contracts';

/** A chair or clinical lead left empty, since when; the daily check escalates one empty too long. */
@Entity({ name: 'role_vacancy' })
export class RoleVacancy {
  @PrimaryColumn({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role!: (typeof SINGLE_HOLDER_ROLES)[number];

  @Column({ name: 'vacant_since', type: 'date' })
  vacantSince!: string;
}
