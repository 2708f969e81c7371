import { createHash } from 'node:crypto';
import {
  canonicalJson,
  entryHash,
  verifyChain,
  type HashedHistoryEntry,
  type HistoryEntryContent,
} from './hash-chain.js';

const anEntry = (overrides: Partial<HistoryEntryContent> = {}): HistoryEntryContent => ({
  caseId: 'case-1',
  sequence: 1,
  at: '2026-03-02T09:00:00.000Z',
  transition: 'open',
  fromStatus: null,
  toStatus: 'open',
  level: 'network-group',
  cause: { kind: 'event', ref: 'evt-1' },
  details: { standard: 'FDS', months: 3 },
  ...overrides,
});

const STEPS: Partial<HistoryEntryContent>[] = [
  { transition: 'open', fromStatus: null, toStatus: 'open' },
  {
    transition: 'acknowledge',
    fromStatus: 'open',
    toStatus: 'acknowledged',
    cause: { kind: 'user', ref: 'member-7' },
  },
  {
    transition: 'table',
    fromStatus: 'acknowledged',
    toStatus: 'tabled',
    cause: { kind: 'system', ref: 'agenda' },
  },
  {
    transition: 'escalate',
    fromStatus: 'tabled',
    toStatus: 'open',
    level: 'cag',
    cause: { kind: 'timer', ref: 'timer-3' },
    details: { reason: 'not resolved within 20 working days' },
  },
  {
    transition: 'resolve',
    fromStatus: 'open',
    toStatus: 'resolved',
    level: 'cag',
    cause: { kind: 'event', ref: 'evt-9' },
  },
];

/** A five-entry history of one case, each entry hashed onto the one before. */
function aChain(): HashedHistoryEntry[] {
  const chain: HashedHistoryEntry[] = [];
  for (const [index, step] of STEPS.entries()) {
    const content = anEntry({
      ...step,
      sequence: index + 1,
      at: `2026-03-0${index + 2}T09:00:00.000Z`,
    });
    const previousHash = chain.at(-1)?.hash ?? null;
    chain.push({ ...content, previousHash, hash: entryHash(previousHash, content) });
  }
  return chain;
}

describe('canonicalJson', () => {
  it('gives the same text whatever order the keys were written in', () => {
    const one = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x y' } };
    const other = { a: { c: 'x y', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(one)).toBe('{"a":{"c":"x y","d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson(other)).toBe(canonicalJson(one));
    // Array order is data, not layout.
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('sorts keys by code unit, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
  });

  it('writes scalars as JSON does and accepts objects without a prototype', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([true, false, 0.5, -3, 'a"b'])).toBe('[true,false,0.5,-3,"a\\"b"]');
    expect(canonicalJson({ at: new Date(0).toISOString() })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z"}',
    );
    expect(canonicalJson(Object.assign(Object.create(null), { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it('rejects what JSON cannot carry faithfully', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    const rejected: [string, unknown][] = [
      ['undefined', undefined],
      ['an undefined property', { a: undefined }],
      ['an undefined item', [1, undefined]],
      ['a sparse array', sparse],
      ['a function', () => 1],
      ['a function property', { f: () => 1 }],
      ['NaN', NaN],
      ['Infinity', { n: Infinity }],
      ['-Infinity', [-Infinity]],
      ['a Date', { at: new Date(0) }],
      ['a bigint', 10n],
      ['a symbol', Symbol('s')],
      ['a Map', new Map([['a', 1]])],
      ['a cycle', circular],
    ];
    const thrown = (value: unknown): string => {
      try {
        canonicalJson(value);
        return 'nothing';
      } catch (error) {
        return error instanceof TypeError ? 'TypeError' : String(error);
      }
    };
    expect(rejected.map(([what, value]) => [what, thrown(value)])).toEqual(
      rejected.map(([what]) => [what, 'TypeError']),
    );
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/value\.at is a Date/);
  });

  it('accepts the same object twice when it is not its own ancestor', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
  });
});

describe('entryHash', () => {
  it('hashes "genesis", a newline and the canonical JSON of the first entry', () => {
    // Written out by hand: stored chains depend on this exact form.
    const text =
      '{"at":"2026-03-02T09:00:00.000Z","caseId":"case-1","cause":{"kind":"event","ref":"evt-1"},' +
      '"details":{"months":3,"standard":"FDS"},"fromStatus":null,"level":"network-group",' +
      '"sequence":1,"toStatus":"open","transition":"open"}';
    const expected = createHash('sha256').update(`genesis\n${text}`).digest('hex');
    expect(entryHash(null, anEntry())).toBe(expected);
    expect(entryHash(null, anEntry())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('chains to the previous hash and covers every field', () => {
    const previous = entryHash(null, anEntry());
    const second = anEntry({ sequence: 2 });
    expect(entryHash(previous, second)).toBe(
      createHash('sha256')
        .update(`${previous}\n${canonicalJson(second)}`)
        .digest('hex'),
    );
    expect(entryHash(previous, second)).not.toBe(entryHash(null, second));
    expect(entryHash(null, anEntry({ level: 'cag' }))).not.toBe(entryHash(null, anEntry()));
    expect(entryHash(null, anEntry({ cause: { kind: 'timer', ref: 'evt-1' } }))).not.toBe(
      entryHash(null, anEntry()),
    );
  });

  it('ignores key order and any stored fields beyond the content', () => {
    const reordered = { ...anEntry(), details: { months: 3, standard: 'FDS' } };
    const row = { ...anEntry(), id: 42, hash: 'abc', previousHash: null };
    expect(entryHash(null, reordered)).toBe(entryHash(null, anEntry()));
    expect(entryHash(null, row)).toBe(entryHash(null, anEntry()));
  });

  it('refuses a previous hash that is not a SHA-256', () => {
    expect(() => entryHash('genesis', anEntry())).toThrow(TypeError);
    expect(() => entryHash('ABC', anEntry())).toThrow(/previousHash/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact history, and an empty one', () => {
    expect(verifyChain(aChain())).toEqual({ valid: true, length: 5 });
    expect(verifyChain([])).toEqual({ valid: true, length: 0 });
  });

  it('detects tampered details at the tampered entry', () => {
    const chain = aChain();
    chain[2] = { ...chain[2]!, details: { standard: 'FDS', months: 2 } };
    expect(verifyChain(chain)).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: expect.stringMatching(/^hash does not match/),
    });
  });

  it('detects a tampered entry whose own hash was recomputed at the entry after it', () => {
    const chain = aChain();
    const { hash: _hash, previousHash, ...content } = chain[2]!;
    const forged = { ...content, details: { standard: 'FDS', months: 2 } };
    chain[2] = { ...forged, previousHash, hash: entryHash(previousHash, forged) };
    expect(verifyChain(chain)).toMatchObject({
      valid: false,
      brokenAt: 4,
      reason: expect.stringMatching(/^previousHash is/),
    });
  });

  it('detects a removed middle entry where it was', () => {
    const chain = aChain().filter((entry) => entry.sequence !== 3);
    expect(verifyChain(chain)).toEqual({
      valid: false,
      brokenAt: 3,
      reason: 'expected sequence 3, found 4',
    });
  });

  it('detects a removed entry even when the later ones are renumbered', () => {
    const chain = aChain()
      .filter((entry) => entry.sequence !== 3)
      .map((entry) => (entry.sequence > 3 ? { ...entry, sequence: entry.sequence - 1 } : entry));
    expect(verifyChain(chain)).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: expect.stringMatching(/^previousHash is/),
    });
  });

  it('detects a reordered pair at the first of the pair', () => {
    const [first, second, third, fourth, fifth] = aChain();
    expect(verifyChain([first!, second!, fourth!, third!, fifth!])).toEqual({
      valid: false,
      brokenAt: 3,
      reason: 'expected sequence 3, found 4',
    });
  });

  it('detects a broken first link, a forged hash and an entry from another case', () => {
    const [first, ...rest] = aChain();
    expect(verifyChain([{ ...first!, previousHash: rest[0]!.hash }, ...rest])).toMatchObject({
      valid: false,
      brokenAt: 1,
    });

    const forged = aChain();
    forged[4] = { ...forged[4]!, hash: '0'.repeat(64) };
    expect(verifyChain(forged)).toMatchObject({ valid: false, brokenAt: 5 });

    const spliced = aChain();
    spliced[1] = { ...spliced[1]!, caseId: 'case-2' };
    expect(verifyChain(spliced)).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: 'belongs to case case-2, not case-1',
    });
  });

  it('reports content that cannot be hashed instead of throwing', () => {
    const chain = aChain();
    chain[1] = { ...chain[1]!, details: { note: undefined } };
    expect(verifyChain(chain)).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: expect.stringMatching(/^content cannot be hashed: value\.details\.note/),
    });
  });
});
