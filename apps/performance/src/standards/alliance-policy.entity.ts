import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const BREACH_BASES = ['standard', 'trajectory'] as const;
export type BreachBasis = (typeof BREACH_BASES)[number];
export const FIGURES_BASES = ['provider', 'commissioner'] as const;
export type FiguresBasis = (typeof FIGURES_BASES)[number];

/**
 * An alliance's performance policy from a month on: what breach detection compares each month
 * with (the standard, or the trajectory's point for the month), and which basis of the CWT
 * figures its figures come from. Kept from a month on, never rewritten, so a change applies to
 * the months after it and detection over earlier months gives what it gave before. An alliance
 * with no row compares with the standard, on the provider basis.
 */
@Entity({ name: 'alliance_policy' })
export class AlliancePolicy {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  /** The first month it applies to (the month's first day). */
  @PrimaryColumn({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'breach_basis', type: 'varchar', length: 20 })
  breachBasis!: BreachBasis;

  @Column({ name: 'figures_basis', type: 'varchar', length: 20 })
  figuresBasis!: FiguresBasis;

  @Column({ name: 'set_by', type: 'varchar', length: 200 })
  setBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The policy in force for an alliance's month (YYYY-MM), from its rows in any order. */
export function policyFor(
  rows: readonly Pick<AlliancePolicy, 'allianceId' | 'effectiveFrom' | 'breachBasis'>[],
  allianceId: string | undefined,
  period: string,
): BreachBasis {
  const day = `${period}-01`;
  let found: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (
      row.allianceId === allianceId &&
      row.effectiveFrom <= day &&
      (found === undefined || row.effectiveFrom > found.effectiveFrom)
    ) {
      found = row;
    }
  }
  return found?.breachBasis ?? 'standard';
}
