import {
  parentKindOf,
  parentProblem,
  rungsAbove,
  specialtyProblem,
  type LadderBody,
} from './escalation-ladder.js';

const body = (kind: LadderBody['kind'], overrides: Partial<LadderBody> = {}): LadderBody => ({
  id: `${kind}-1`,
  allianceId: 'east-of-england',
  kind,
  ...overrides,
});

describe('escalation ladder', () => {
  it('sends groups to the CAG, the CAG to the Board, and stops at the Board', () => {
    expect(parentKindOf('tumour-site-group')).toBe('clinical-advisory-group');
    expect(parentKindOf('operational-delivery-group')).toBe('clinical-advisory-group');
    expect(parentKindOf('clinical-advisory-group')).toBe('alliance-board');
    expect(parentKindOf('alliance-board')).toBeNull();
  });

  it('counts the rungs above each kind: groups two, the CAG one, the Board none', () => {
    expect(rungsAbove('tumour-site-group')).toBe(2);
    expect(rungsAbove('cross-cutting-group')).toBe(2);
    expect(rungsAbove('operational-delivery-group')).toBe(2);
    expect(rungsAbove('clinical-advisory-group')).toBe(1);
    expect(rungsAbove('alliance-board')).toBe(0);
  });

  it('accepts the right parent in the same alliance', () => {
    expect(
      parentProblem(body('tumour-site-group'), body('clinical-advisory-group')),
    ).toBeUndefined();
    expect(parentProblem(body('clinical-advisory-group'), body('alliance-board'))).toBeUndefined();
    expect(parentProblem(body('alliance-board'), null)).toBeUndefined();
  });

  it('refuses a parent of the wrong kind, another alliance, or none where one is needed', () => {
    expect(parentProblem(body('tumour-site-group'), body('alliance-board'))).toBe(
      'A tumour-site network group escalates to a Clinical Advisory Group, not an Alliance Board',
    );
    expect(
      parentProblem(
        body('tumour-site-group'),
        body('clinical-advisory-group', { allianceId: 'north-east-london' }),
      ),
    ).toMatch(/stays within an alliance/);
    expect(parentProblem(body('clinical-advisory-group'), null)).toMatch(/needs one/);
    expect(parentProblem(body('alliance-board'), body('clinical-advisory-group'))).toMatch(
      /top of the ladder/,
    );
  });

  it('refuses cycles', () => {
    const cag = body('clinical-advisory-group');
    expect(parentProblem(cag, cag)).toMatch(/cannot escalate to itself/);
    expect(parentProblem(cag, body('alliance-board'), [cag.id])).toMatch(/escalates to it/);
  });

  it('asks tumour-site and cross-cutting groups for a specialty of their kind', () => {
    expect(
      specialtyProblem('tumour-site-group', { code: 'lung', kind: 'tumour-site' }),
    ).toBeUndefined();
    expect(specialtyProblem('tumour-site-group', null)).toMatch(/needs a tumour-site specialty/);
    expect(
      specialtyProblem('tumour-site-group', { code: 'pathology', kind: 'cross-cutting' }),
    ).toMatch(/pathology is a cross-cutting specialty/);
    expect(
      specialtyProblem('clinical-advisory-group', { code: 'lung', kind: 'tumour-site' }),
    ).toMatch(/leave specialty empty/);
    expect(specialtyProblem('operational-delivery-group', null)).toBeUndefined();
  });
});
