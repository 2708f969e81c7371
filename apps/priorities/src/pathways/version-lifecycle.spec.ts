import { supersession, versionTransitionProblem } from './version-lifecycle.js';

describe('pathway version lifecycle', () => {
  it('goes draft, consultation, approved, published, superseded', () => {
    expect(versionTransitionProblem('2.0', 'draft', 'consultation')).toBeUndefined();
    expect(versionTransitionProblem('2.0', 'consultation', 'approved')).toBeUndefined();
    expect(versionTransitionProblem('2.0', 'approved', 'published')).toBeUndefined();
    expect(versionTransitionProblem('2.0', 'published', 'superseded')).toBeUndefined();
  });

  it('refuses to publish before consensus approval, or to skip a step', () => {
    expect(versionTransitionProblem('2.0', 'draft', 'published')).toBe(
      'Version 2.0 is draft: a version is published once approved by clinical consensus',
    );
    expect(versionTransitionProblem('2.0', 'draft', 'approved')).toBe(
      'Version 2.0 is draft: it goes to approved from consultation',
    );
    expect(versionTransitionProblem('1.0', 'superseded', 'published')).toMatch(
      /approved by clinical consensus/,
    );
  });

  it('supersedes the published version, and nothing when there is none', () => {
    expect(supersession({ id: 'v1', status: 'published' })).toEqual({ supersedesVersionId: 'v1' });
    expect(supersession(null)).toEqual({ supersedesVersionId: null });
    expect(() => supersession({ id: 'v0', status: 'draft' })).toThrow(/Only a published version/);
  });
});
