import { causeName } from './case-labels.js';

describe('who or what moved a case', () => {
  const event = { kind: 'event', ref: 'e1' };
  const chair = { memberId: 'm1', subject: 's1', capacity: 'deputy-chair' };

  it("tells a meeting's decision from a chair's action between meetings", () => {
    expect(causeName(event, { recordedBy: chair })).toBe(
      'A meeting decision, recorded by the deputy chair',
    );
    expect(causeName(event, { recordedBy: chair, chairsActionId: 'a1' })).toBe(
      "A chair's action, taken by the deputy chair",
    );
    expect(causeName(event, {})).toBe(
      'Another service (a meeting, a performance figure or membership)',
    );
  });
});
