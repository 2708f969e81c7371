import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the hazard log lives, from the repository's root. */
export const HAZARD_LOG = 'docs/safety/hazard-log.md';

export interface ControlTest {
  readonly file: string;
  readonly title: string;
}

/** One control of the hazard log, with the code and the tests it points at. */
export interface Control {
  readonly id: string;
  readonly hazard: string;
  readonly code: readonly string[];
  readonly tests: readonly ControlTest[];
  /** Lines under the control that name code or a test in a form this reader does not take. */
  readonly malformed: readonly string[];
}

const HAZARD = /^## (H\d+) /;
const CONTROL = /^- \*\*(C\d+\.\d+)\*\* /;
const CODE = /^ {2}- Code: `([^`]+)`$/;
const TEST = /^ {2}- Test: `([^`]+)` › "([^"]+)"$/;

/** The controls of a hazard log, in order: `- **C1.2** ...` lines and their Code and Test lines. */
export function parseHazardLog(text: string): Control[] {
  const controls: Control[] = [];
  let hazard = '';
  let current:
    | { id: string; hazard: string; code: string[]; tests: ControlTest[]; malformed: string[] }
    | undefined;
  let fenced = false;
  for (const line of text.split('\n')) {
    // The log's own example of the format, in a fenced block, is no control.
    if (line.startsWith('```')) {
      fenced = !fenced;
      current = undefined;
      continue;
    }
    if (fenced) {
      continue;
    }
    const hazardMatch = HAZARD.exec(line);
    const controlMatch = CONTROL.exec(line);
    if (hazardMatch || controlMatch || !line.startsWith('  ')) {
      current = undefined;
    }
    if (hazardMatch) {
      hazard = hazardMatch[1]!;
    } else if (controlMatch) {
      current = { id: controlMatch[1]!, hazard, code: [], tests: [], malformed: [] };
      controls.push(current);
    } else if (current) {
      const code = CODE.exec(line);
      const test = TEST.exec(line);
      if (code) {
        current.code.push(code[1]!);
      } else if (test) {
        current.tests.push({ file: test[1]!, title: test[2]! });
      } else if (/^\s*- (Code|Test):/.test(line)) {
        current.malformed.push(line.trim());
      }
    }
  }
  return controls;
}

// it('title', ...), test("title", ...), it.each(table)(`title`, ...); never describe, it.skip or xit.
const TEST_CALL =
  /(?<![\w.])(?:it|test)(?:\.each\b[\s\S]*?\)\s*)?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*)\1/g;

/** The titles of the tests a spec file declares, as written in its source. */
export function testTitles(source: string): string[] {
  return [...source.matchAll(TEST_CALL)].map((match) => match[2]!);
}

/** What is wrong with a hazard log's controls against the files under `root`: nothing when all hold. */
export function hazardLogProblems(root: string, text: string): string[] {
  const controls = parseHazardLog(text);
  const problems: string[] = [];
  if (controls.length === 0) {
    problems.push('the hazard log names no control');
  }
  const seen = new Set<string>();
  for (const control of controls) {
    const name = `${control.hazard} ${control.id}`;
    if (seen.has(control.id)) {
      problems.push(`${name}: the id is used twice`);
    }
    seen.add(control.id);
    if (!control.id.startsWith(`C${control.hazard.slice(1)}.`)) {
      problems.push(
        `${name}: a control of ${control.hazard} is numbered C${control.hazard.slice(1)}.n`,
      );
    }
    problems.push(...control.malformed.map((line) => `${name}: cannot read "${line}"`));
    if (control.code.length === 0) {
      problems.push(`${name}: names no code file`);
    }
    if (control.tests.length === 0) {
      problems.push(`${name}: names no test`);
    }
    for (const file of control.code) {
      if (!existsSync(join(root, file))) {
        problems.push(`${name}: code file ${file} does not exist`);
      }
    }
    for (const { file, title } of control.tests) {
      if (!/\.(e2e-)?spec\.ts$/.test(file)) {
        problems.push(`${name}: ${file} is not a test file`);
      } else if (!existsSync(join(root, file))) {
        problems.push(`${name}: test file ${file} does not exist`);
      } else if (!testTitles(readFileSync(join(root, file), 'utf8')).includes(title)) {
        problems.push(`${name}: ${file} has no test "${title}"`);
      }
    }
  }
  return problems;
}
