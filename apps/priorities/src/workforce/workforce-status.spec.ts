import { workforceTransitionProblem } from './workforce-status.js';

describe('workforce recommendation status', () => {
  it('moves from proposed through endorsed and funded to implemented', () => {
    expect(workforceTransitionProblem('proposed', 'endorsed')).toBeUndefined();
    expect(workforceTransitionProblem('endorsed', 'funded')).toBeUndefined();
    expect(workforceTransitionProblem('funded', 'implemented')).toBeUndefined();
    expect(workforceTransitionProblem('proposed', 'rejected')).toBeUndefined();
  });

  it('refuses skipped steps and changes to final states', () => {
    expect(workforceTransitionProblem('proposed', 'funded')).toBe(
      'A proposed recommendation can become endorsed or rejected, not funded',
    );
    expect(workforceTransitionProblem('rejected', 'endorsed')).toBe(
      'A rejected recommendation is final',
    );
    expect(workforceTransitionProblem('implemented', 'funded')).toBe(
      'An implemented recommendation is final',
    );
  });
});
