import { z } from 'zod';
import { ESCALATION_SEVERITIES, type ESCALATION_LEVELS } from '#contracts';

type Level = (typeof ESCALATION_LEVELS)[number];

/**
 * The escalation policy as versioned data: the service levels of each rung of the ladder and
 * the settings of the triggers that open a case (their rules are in triggers.ts). A case records the policy version it ran under, so a change
 * of policy never rewrites the deadlines of cases already open.
 */

// Up to a working year: anything longer is not a deadline a governance body can act on.
const workingDays = z.number().int().min(1).max(260);
const riskScore = z.number().int().min(1).max(25);

const levelDeadlinesSchema = z
  .strictObject({
    acknowledgeDays: workingDays,
    tableDays: workingDays,
    resolveDays: workingDays,
  })
  .refine((days) => days.acknowledgeDays <= days.tableDays && days.tableDays <= days.resolveDays, {
    // Each is counted from the day the case opens at the level, so they come in this order.
    message: 'Deadlines must run acknowledgeDays <= tableDays <= resolveDays',
  });

function isStrictlyAscending(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > (values[index - 1] ?? value));
}

export const escalationPolicySchema = z.strictObject({
  version: z.number().int().min(1),
  /**
   * What the level deadlines count: working days (the case's nation's bank holidays excluded),
   * or seconds, for automated tests and rehearsals of the ladder, which ignore the calendar.
   */
  deadlineUnit: z.enum(['working-day', 'second']).default('working-day'),
  /** Deadlines per rung of the ladder, in `deadlineUnit`s. */
  levels: z.strictObject({
    group: levelDeadlinesSchema,
    cag: levelDeadlinesSchema,
    board: levelDeadlinesSchema,
  } satisfies Record<Level, z.ZodType>),
  /** When reminders fire, as fractions of each deadline: [0.5, 0.8] is at half and four fifths. */
  reminders: z
    .array(z.number().gt(0).lt(1))
    .max(5)
    .refine(isStrictlyAscending, { message: 'Reminders must be in ascending order, each once' }),
  /** How many times a body may defer a case at one level before it must decide. */
  maxDeferrals: z.number().int().min(0).max(6),
  triggers: z.strictObject({
    standardBreached: z.strictObject({
      enabled: z.boolean(),
      /** Smallest gap to target, in share points, that opens a case (0.02 is two points). */
      minGap: z.number().min(0).max(1),
    }),
    priorityRed: z.strictObject({ enabled: z.boolean() }),
    milestoneMissed: z.strictObject({ enabled: z.boolean() }),
    serviceGap: z
      .strictObject({
        /** Current 5x5 risk score at which a service gap opens a case at its body. */
        openAt: riskScore,
        /** Score at which it goes straight to the Clinical Advisory Group. */
        cagAt: riskScore,
      })
      .refine((gap) => gap.cagAt >= gap.openAt, { message: 'cagAt must be at least openAt' }),
    workforceFunding: z.strictObject({ enabled: z.boolean() }),
    /** Calendar days a chair or clinical lead seat may stay empty. */
    roleVacantDays: z.number().int().min(1).max(365),
    /** Consecutive meetings of a body without quorum that open a case. */
    quorumFailures: z.number().int().min(1).max(12),
    /** Calendar days past its due date beyond which an action opens a case. */
    actionOverdueDays: z.number().int().min(0).max(365),
    /**
     * A quality measure the network review finds not met and flags a serious concern: where the
     * case opens (the assessed body, or the CAG above it) and its severity. Its deadlines are
     * that level's, above. Defaulted so versions stored before it existed read as it was added.
     */
    qualitySeriousConcern: z
      .strictObject({
        enabled: z.boolean(),
        level: z.enum(['body', 'cag']),
        severity: z.enum(ESCALATION_SEVERITIES),
      })
      .default({ enabled: true, level: 'body', severity: 'high' }),
  }),
});

export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/**
 * Version 1. Five working days (a week) to acknowledge everywhere: it needs no meeting.
 * Groups meet quarterly, so four weeks to table deliberately calls for chair's action or an
 * extraordinary meeting rather than a three-month wait, and eight to resolve. CAGs meet
 * about monthly with papers a week ahead, so three weeks to table and six to resolve (two
 * meetings). Boards meet bimonthly or quarterly and have no one above them: four and eight.
 */
export const DEFAULT_POLICY: EscalationPolicy = escalationPolicySchema.parse({
  version: 1,
  levels: {
    group: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
    cag: { acknowledgeDays: 5, tableDays: 15, resolveDays: 30 },
    board: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
  },
  reminders: [0.5, 0.8],
  maxDeferrals: 2,
  triggers: {
    // Performance already waits for consecutive months below target before announcing.
    standardBreached: { enabled: true, minGap: 0 },
    priorityRed: { enabled: true },
    milestoneMissed: { enabled: true },
    // The NHS risk matrix's bands: a high risk (8-12) is the group's to act on; an extreme
    // one (15-25) needs the clinical leadership of the CAG at once.
    serviceGap: { openAt: 8, cagAt: 15 },
    workforceFunding: { enabled: true },
    // Recruiting a clinical lead (agreed sessions with the employer) takes about a quarter.
    roleVacantDays: 90,
    quorumFailures: 2,
    // About a monthly meeting cycle late: "long overdue" rather than merely late.
    actionOverdueDays: 28,
    // At the assessed team's own group first, as any other issue; high, as the review judged it
    // serious. Missed deadlines take it to the CAG and the Board.
    qualitySeriousConcern: { enabled: true, level: 'body', severity: 'high' },
  },
});
