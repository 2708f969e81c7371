import { computeQuorum, type QuorumRule, type Seat } from './quorum.js';

const rule: QuorumRule = { chairOrDeputy: true, minimumFraction: 1 / 3, requireClinician: true };

const seat = (memberId: string, role: Seat['role'], clinician = true): Seat => ({
  memberId,
  role,
  clinician,
});

const body: Seat[] = [
  seat('chair', 'chair'),
  seat('deputy', 'deputy-chair'),
  seat('lead', 'clinical-lead'),
  seat('m1', 'member'),
  seat('m2', 'member', false),
  seat('patient', 'patient-representative', false),
  seat('secretary', 'secretariat', false),
  seat('observer', 'observer', false),
];

const present = (...ids: string[]) => new Map(ids.map((id) => [id, 'present' as const]));

describe('quorum', () => {
  it('is met by the chair plus a third of voting members with a clinician', () => {
    expect(computeQuorum(rule, body, present('chair', 'm2'))).toEqual({
      quorate: true,
      votingMembers: 6,
      present: 2,
      required: 2,
      chairOrDeputyPresent: true,
      clinicianPresent: true,
      shortfalls: [],
    });
  });

  it('does not count the secretariat or observers', () => {
    const result = computeQuorum(rule, body, present('chair', 'secretary', 'observer'));
    expect(result).toMatchObject({ quorate: false, present: 1 });
    expect(result.shortfalls).toEqual(['1 of 6 voting members present; 2 needed']);
  });

  it('needs the chair or a deputy, and a clinician, when the terms say so', () => {
    expect(computeQuorum(rule, body, present('m1', 'm2', 'lead')).shortfalls).toEqual([
      'neither the chair nor a deputy chair was present',
    ]);
    const lay = [seat('c', 'chair', false), seat('p', 'patient-representative', false)];
    expect(computeQuorum(rule, lay, present('c', 'p')).shortfalls).toEqual([
      'no registered clinician was present',
    ]);
    const relaxed = { ...rule, chairOrDeputy: false, requireClinician: false };
    expect(computeQuorum(relaxed, lay, present('p')).quorate).toBe(true);
  });

  it('counts a member holding two roles once', () => {
    const doubled = [
      seat('a', 'chair'),
      seat('a', 'clinical-lead'),
      seat('b', 'member'),
      seat('c', 'member'),
    ];
    const result = computeQuorum({ ...rule, minimumFraction: 0.5 }, doubled, present('a'));
    expect(result).toMatchObject({ votingMembers: 3, present: 1, required: 2, quorate: false });
  });

  it('treats apologies and absence alike, and needs at least one member', () => {
    const attendance = new Map([
      ['chair', 'apologies' as const],
      ['deputy', 'absent' as const],
    ]);
    expect(computeQuorum(rule, body, attendance)).toMatchObject({ present: 0, quorate: false });
    expect(computeQuorum({ ...rule, minimumFraction: 0 }, [], new Map()).required).toBe(1);
  });
});
