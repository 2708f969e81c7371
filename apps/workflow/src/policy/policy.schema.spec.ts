import { DEFAULT_POLICY, escalationPolicySchema, type EscalationPolicy } from './policy.schema.js';

const aPolicy = (triggers: Partial<EscalationPolicy['triggers']> = {}): EscalationPolicy => ({
  ...DEFAULT_POLICY,
  triggers: { ...DEFAULT_POLICY.triggers, ...triggers },
});

describe('escalation policy schema', () => {
  const withLevels = (group: Partial<EscalationPolicy['levels']['group']>) => ({
    ...DEFAULT_POLICY,
    levels: { ...DEFAULT_POLICY.levels, group: { ...DEFAULT_POLICY.levels.group, ...group } },
  });

  it('accepts the default policy', () => {
    expect(escalationPolicySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.version).toBe(1);
  });

  it('rejects reminders out of order, repeated, or outside (0, 1)', () => {
    for (const reminders of [[0.8, 0.5], [0.5, 0.5], [0, 0.5], [0.5, 1], [-0.2]]) {
      const result = escalationPolicySchema.safeParse({ ...DEFAULT_POLICY, reminders });
      expect(result.success).toBe(false);
    }
    const outOfOrder = escalationPolicySchema.safeParse({
      ...DEFAULT_POLICY,
      reminders: [0.8, 0.5],
    });
    expect(outOfOrder.error?.issues[0]?.message).toMatch(/ascending/);
  });

  it('rejects negative, zero or fractional days, and deadlines out of order', () => {
    expect(escalationPolicySchema.safeParse(withLevels({ acknowledgeDays: -5 })).success).toBe(
      false,
    );
    expect(escalationPolicySchema.safeParse(withLevels({ tableDays: 0 })).success).toBe(false);
    expect(escalationPolicySchema.safeParse(withLevels({ resolveDays: 40.5 })).success).toBe(false);
    const late = escalationPolicySchema.safeParse(withLevels({ tableDays: 60 }));
    expect(late.error?.issues[0]).toMatchObject({
      path: ['levels', 'group'],
      message: expect.stringMatching(/tableDays <= resolveDays/),
    });
  });

  it('reads a version stored before the quality serious-concern trigger with its default', () => {
    const { qualitySeriousConcern, ...before } = DEFAULT_POLICY.triggers;
    expect(qualitySeriousConcern).toEqual({ enabled: true, level: 'body', severity: 'high' });
    const parsed = escalationPolicySchema.parse({ ...DEFAULT_POLICY, triggers: before });
    expect(parsed.triggers.qualitySeriousConcern).toEqual(qualitySeriousConcern);
  });

  it('rejects bad trigger settings and unknown keys', () => {
    const bad: unknown[] = [
      aPolicy({ serviceGap: { openAt: 20, cagAt: 15 } }),
      aPolicy({ serviceGap: { openAt: 15, cagAt: 26 } }),
      aPolicy({ quorumFailures: 0 }),
      aPolicy({ actionOverdueDays: -1 }),
      aPolicy({ roleVacantDays: 0 }),
      {
        ...DEFAULT_POLICY,
        triggers: {
          ...DEFAULT_POLICY.triggers,
          qualitySeriousConcern: { enabled: true, level: 'board', severity: 'high' },
        },
      },
      { ...DEFAULT_POLICY, maxDeferrals: -1 },
      { ...DEFAULT_POLICY, version: 0 },
      { ...DEFAULT_POLICY, levels: { ...DEFAULT_POLICY.levels, ccg: DEFAULT_POLICY.levels.cag } },
    ];
    for (const policy of bad) {
      expect(escalationPolicySchema.safeParse(policy).success).toBe(false);
    }
  });
});
