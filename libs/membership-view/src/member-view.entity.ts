import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member as membership last announced them. */
@Entity({ name: 'member_view' })
export class MemberView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'boolean' })
  clinician!: boolean;
}
