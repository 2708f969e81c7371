import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PROFESSIONS } from '#contracts';
import { Organisation } from '../organisations/organisation.entity.js';

/** A person on one or more bodies: clinicians, managers, patient and carer representatives. */
@Entity({ name: 'member' })
@Index('member_email_key', ['email'], { unique: true })
export class Member {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Stored lower-case: one address, one member. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'organisation_ods_code', type: 'varchar', length: 9, nullable: true })
  organisationOdsCode!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_ods_code' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 40 })
  profession!: (typeof PROFESSIONS)[number];

  @Column({ name: 'registration_register', type: 'varchar', length: 3, nullable: true })
  registrationRegister!: 'gmc' | 'nmc' | null;

  @Column({ name: 'registration_number', type: 'varchar', length: 8, nullable: true })
  registrationNumber!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
