// The file-level conventions a linter does not check, run by `npm run check`: source files
// short enough to read in one sitting, and file names that say their feature and role.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['apps', 'libs', 'scripts', 'bench'];
export const MAX_LINES = 400;
const TEST_FILE = /(\.spec\.ts|\.e2e-spec\.ts)$|\/test\//;

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') {
        yield* sourceFiles(path);
      }
    } else if (entry.name.endsWith('.ts')) {
      yield path;
    }
  }
}

/** What breaks the conventions under `root`, one line each. */
export function structureProblems(root: string): string[] {
  const problems: string[] = [];
  for (const folder of FOLDERS) {
    for (const path of sourceFiles(join(root, folder))) {
      const name = relative(root, path);
      if (name.endsWith('/dto.ts')) {
        problems.push(`${name}: name DTO files for their feature (<feature>.dto.ts)`);
      }
      if (TEST_FILE.test(name)) {
        continue;
      }
      const lines = readFileSync(path, 'utf8').split('\n').length;
      if (lines > MAX_LINES) {
        problems.push(`${name}: ${lines} lines; split it by job (at most ${MAX_LINES})`);
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = structureProblems(ROOT);
  for (const problem of problems) {
    console.error(problem);
  }
  console.log(
    problems.length === 0
      ? `Source files are at most ${MAX_LINES} lines and no file is named dto.ts`
      : `${problems.length} structure problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
