import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ESCALATION_SEVERITIES, platformEvents } from '#contracts';
import { DEFAULT_POLICY, escalationPolicySchema, type EscalationPolicy } from './policy.schema.js';
import { severityOfGap, triggerFromEvent } from './triggers.js';

/**
 * Properties of the escalation policy's triggers over every valid setting: a threshold opens
 * a case at and above it and never below, and a worse input never gives a milder case. The
 * examples of each trigger are in triggers.spec.ts.
 */

const BODY = randomUUID();
const rank = (severity: (typeof ESCALATION_SEVERITIES)[number]) =>
  ESCALATION_SEVERITIES.indexOf(severity);

/** A policy the schema accepts, with the given trigger settings. */
const aPolicy = (triggers: Partial<EscalationPolicy['triggers']>): EscalationPolicy =>
  escalationPolicySchema.parse({
    ...DEFAULT_POLICY,
    triggers: { ...DEFAULT_POLICY.triggers, ...triggers },
  });

const riskOf = (likelihood: number, consequence: number) => {
  const score = likelihood * consequence;
  const level =
    score >= 15 ? 'extreme' : score >= 8 ? 'high' : score >= 4 ? 'moderate' : ('low' as const);
  return { likelihood, consequence, score, level } as const;
};

describe('the escalation policy’s triggers, over every valid setting', () => {
  it('grades a wider gap to target never milder than a narrower one', () => {
    const aGap = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(aGap, aGap, (a, b) => {
        const [narrow, wide] = a <= b ? [a, b] : [b, a];
        expect(rank(severityOfGap(narrow))).toBeLessThanOrEqual(rank(severityOfGap(wide)));
      }),
      { numRuns: 300 },
    );
  });

  it('opens a service gap case from openAt, at the CAG from cagAt, and never below', () => {
    const thresholds = fc
      .tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }))
      .map(([a, b]) => ({ openAt: Math.min(a, b), cagAt: Math.max(a, b) }));
    const aScore = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(thresholds, aScore, aScore, (serviceGap, likelihood, consequence) => {
        const risk = riskOf(likelihood, consequence);
        const event = platformEvents.build(
          'priorities.service-gap-raised.v1',
          {
            bodyId: BODY,
            gapId: randomUUID(),
            description: 'No weekend CT-guided lung biopsy',
            initialRisk: risk,
            currentRisk: risk,
            targetRisk: riskOf(1, 3),
          },
          { correlationId: 'property' },
        );
        const trigger = triggerFromEvent(aPolicy({ serviceGap }), event);
        if (risk.score < serviceGap.openAt) {
          expect(trigger).toBeNull();
        } else {
          expect(trigger?.level).toBe(risk.score >= serviceGap.cagAt ? 'cag' : 'body');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('opens a quorum case at the policy’s count of failures, more severe beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (quorumFailures, consecutive) => {
          const event = platformEvents.build(
            'meetings.quorum-not-met.v1',
            {
              meetingId: randomUUID(),
              bodyId: BODY,
              quorum: {
                quorate: false,
                votingMembers: 12,
                present: 3,
                required: 4,
                chairOrDeputyPresent: true,
                clinicianPresent: true,
                shortfalls: ['3 of 12 voting members present; 4 needed'],
              },
              consecutive,
            },
            { correlationId: 'property' },
          );
          const trigger = triggerFromEvent(aPolicy({ quorumFailures }), event);
          if (consecutive < quorumFailures) {
            expect(trigger).toBeNull();
          } else {
            expect(trigger).toMatchObject({
              level: 'body',
              severity: consecutive > quorumFailures ? 'high' : 'moderate',
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
