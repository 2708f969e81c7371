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
      deputising: 0,
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

  describe('with nominated deputies', () => {
    const deputy = (forMemberId: string, clinician = true) => ({ forMemberId, clinician });

    it('counts a voting member whose deputy attended, as the terms allow by default', () => {
      // The chair and one other are two of six: m1 is away, but their deputy came.
      const alone = computeQuorum(rule, body, present('chair'));
      expect(alone).toMatchObject({ quorate: false, present: 1, deputising: 0 });
      const withDeputy = computeQuorum(rule, body, present('chair'), 'was', [deputy('m1')]);
      expect(withDeputy).toMatchObject({ quorate: true, present: 2, deputising: 1 });
    });

    it('counts no deputy when the terms say deputies do not count', () => {
      const result = computeQuorum(
        { ...rule, deputiesCount: false },
        body,
        present('chair'),
        'was',
        [deputy('m1')],
      );
      expect(result).toMatchObject({ quorate: false, present: 1, deputising: 0 });
    });

    it('counts a member once, present in person or by deputy', () => {
      const result = computeQuorum(rule, body, present('chair', 'm1'), 'was', [deputy('m1')]);
      expect(result).toMatchObject({ present: 2, deputising: 0 });
    });

    it("never stands in for the chair's presence", () => {
      const result = computeQuorum(rule, body, present('lead', 'm1'), 'was', [deputy('chair')]);
      expect(result).toMatchObject({ present: 3, chairOrDeputyPresent: false, quorate: false });
      expect(result.shortfalls).toEqual(['neither the chair nor a deputy chair was present']);
    });

    it("meets a clinical quorum with the deputy's own registration, not the member's", () => {
      // m2 and the patient representative are not clinicians; the lead's deputy is not either.
      const lay = computeQuorum(rule, body, present('chair', 'm2'), 'was', [deputy('lead', false)]);
      expect(lay.clinicianPresent).toBe(true); // the chair is a clinician
      const noClinician = computeQuorum(
        { ...rule, chairOrDeputy: false },
        body,
        present('m2', 'patient'),
        'was',
        [deputy('lead', false)],
      );
      expect(noClinician).toMatchObject({ clinicianPresent: false, deputising: 1 });
      const clinicalDeputy = computeQuorum(
        { ...rule, chairOrDeputy: false },
        body,
        present('m2', 'patient'),
        'was',
        [deputy('m1', true)],
      );
      expect(clinicalDeputy).toMatchObject({ clinicianPresent: true, quorate: true });
    });
  });
});
