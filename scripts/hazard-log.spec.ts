import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAZARD_LOG, hazardLogProblems, parseHazardLog, testTitles } from './hazard-log.js';

const repository = new URL('..', import.meta.url).pathname;

describe('the hazard log', () => {
  const text = readFileSync(join(repository, HAZARD_LOG), 'utf8');

  it('points every control at code and tests that exist, each test by its title', () => {
    expect(hazardLogProblems(repository, text)).toEqual([]);
  });

  it('has at least one control, with a test, for every hazard it lists', () => {
    const listed = [...text.matchAll(/^## (H\d+) /gm)].map((match) => match[1] ?? '');
    const controlled = new Set(
      parseHazardLog(text)
        .filter((control) => control.tests.length > 0)
        .map((control) => control.hazard),
    );
    expect(listed.length).toBeGreaterThanOrEqual(6);
    expect(listed.filter((hazard) => !controlled.has(hazard))).toEqual([]);
  });
});

describe('the hazard log check', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hazard-log-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/rule.ts'), 'export const rule = 1;\n');
    writeFileSync(
      join(root, 'src/rule.spec.ts'),
      [
        "describe('the rule', () => {",
        "  it('holds', () => {});",
        '  it(',
        "    'holds across lines, for the %s',",
        '    () => {},',
        '  );',
        "  it.each([['a'], ['b']])('holds for %s', () => {});",
        "  it.skip('is skipped', () => {});",
        '});',
      ].join('\n'),
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const log = (...control: string[]) =>
    [
      '```',
      '- **C9.9** An example of the format, not a control.',
      '  - Code: `path/to/the/code.ts`',
      '```',
      '## H1 A hazard',
      '',
      '- **C1.1** A control.',
      ...control,
      '',
    ].join('\n');

  it('reads the titles of the tests a file declares, and not its describes or skipped tests', () => {
    expect(testTitles(readFileSync(join(root, 'src/rule.spec.ts'), 'utf8'))).toEqual([
      'holds',
      'holds across lines, for the %s',
      'holds for %s',
    ]);
  });

  it('passes a control whose code and tests exist', () => {
    const text = log(
      '  - Code: `src/rule.ts`',
      '  - Test: `src/rule.spec.ts` › "holds"',
      '  - Test: `src/rule.spec.ts` › "holds for %s"',
    );
    expect(parseHazardLog(text)).toEqual([
      {
        id: 'C1.1',
        hazard: 'H1',
        code: ['src/rule.ts'],
        tests: [
          { file: 'src/rule.spec.ts', title: 'holds' },
          { file: 'src/rule.spec.ts', title: 'holds for %s' },
        ],
        malformed: [],
      },
    ]);
    expect(hazardLogProblems(root, text)).toEqual([]);
  });

  it('names a missing code file, test file and test title, and a skipped test', () => {
    const text = log(
      '  - Code: `src/gone.ts`',
      '  - Test: `src/gone.spec.ts` › "holds"',
      '  - Test: `src/rule.spec.ts` › "never written"',
      '  - Test: `src/rule.spec.ts` › "is skipped"',
    );
    expect(hazardLogProblems(root, text)).toEqual([
      'H1 C1.1: code file src/gone.ts does not exist',
      'H1 C1.1: test file src/gone.spec.ts does not exist',
      'H1 C1.1: src/rule.spec.ts has no test "never written"',
      'H1 C1.1: src/rule.spec.ts has no test "is skipped"',
    ]);
  });

  it('names a control with no code or no test, and a line it cannot read', () => {
    expect(hazardLogProblems(root, log('  - Test: src/rule.spec.ts holds'))).toEqual([
      'H1 C1.1: cannot read "- Test: src/rule.spec.ts holds"',
      'H1 C1.1: names no code file',
      'H1 C1.1: names no test',
    ]);
    expect(hazardLogProblems(root, '# Nothing here\n')).toEqual([
      'the hazard log names no control',
    ]);
  });

  it('refuses a source file given as a test', () => {
    const text = log('  - Code: `src/rule.ts`', '  - Test: `src/rule.ts` › "holds"');
    expect(hazardLogProblems(root, text)).toEqual(['H1 C1.1: src/rule.ts is not a test file']);
  });
});
