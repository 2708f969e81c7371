import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINES, structureProblems } from './check-structure.js';

describe('structure check', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'structure-'));
    for (const folder of ['apps/x/src/things', 'apps/x/test', 'libs', 'scripts', 'bench']) {
      mkdirSync(join(root, folder), { recursive: true });
    }
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const lines = (count: number) => 'const a = 1;\n'.repeat(count - 1);

  it('names a long source file and a dto.ts, and lets long tests be', () => {
    writeFileSync(join(root, 'apps/x/src/things/things.service.ts'), lines(MAX_LINES + 1));
    writeFileSync(join(root, 'apps/x/src/things/dto.ts'), lines(3));
    writeFileSync(join(root, 'apps/x/src/things/things.service.spec.ts'), lines(900));
    writeFileSync(join(root, 'apps/x/test/things.e2e-spec.ts'), lines(900));
    expect(structureProblems(root)).toEqual([
      'apps/x/src/things/dto.ts: name DTO files for their feature (<feature>.dto.ts)',
      `apps/x/src/things/things.service.ts: ${MAX_LINES + 1} lines; split it by job (at most ${MAX_LINES})`,
    ]);
  });

  it('passes files of at most the limit with their feature in the name', () => {
    writeFileSync(join(root, 'apps/x/src/things/things.service.ts'), lines(MAX_LINES));
    writeFileSync(join(root, 'apps/x/src/things/things.dto.ts'), lines(3));
    expect(structureProblems(root)).toEqual([]);
  });
});
