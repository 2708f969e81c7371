import { uniqueName } from '#testing';
import {
  CALLERS,
  matches,
  routeOf,
  SERVICES,
  type Caller,
  type Cell,
  type Column,
  type Mismatch,
  type Row,
  type Service,
} from './authorization-matrix/matrix.js';
import { meetingsRows } from './authorization-matrix/meetings.rows.js';
import { membershipRows } from './authorization-matrix/membership.rows.js';
import { performanceRows } from './authorization-matrix/performance.rows.js';
import { prioritiesRows } from './authorization-matrix/priorities.rows.js';
import { workflowRows } from './authorization-matrix/workflow.rows.js';
import { World } from './authorization-matrix/world.js';
import {
  findInAuditLog,
  type AuditFinding,
  type Written,
} from './authorization-matrix/audit-lookup.js';
import { randomUUID } from 'node:crypto';

const ROWS: Row<World>[] = [
  ...membershipRows,
  ...meetingsRows,
  ...prioritiesRows,
  ...performanceRows,
  ...workflowRows,
];

/**
 * Meetings before workflow: the cases workflow raises wait for the body's next meeting, and
 * scheduling a meeting places waiting requests (scheduled side by side, that deadlocks: see the
 * report); the matrix schedules no future meeting, so its cases stay opened. Membership last,
 * as its rows seat new members on the two bodies.
 */
const ORDER: Service[] = ['meetings', 'priorities', 'performance', 'workflow', 'membership'];

/** Rows run side by side; a row's cells one after another (some share a record). */
const ROWS_AT_ONCE = 6;

/**
 * Allowed writes the service's audit log does not show as the caller's (see AuditFinding): the
 * periodic jobs run by hand, which found nothing to do in this run and so wrote nothing (what
 * they do write is audited as the events they publish), and the public comment, which names no
 * caller. Listed so that the list only changes on purpose: a new route missing from the log
 * fails, and so does one of these once it shows.
 */
const KNOWN_UNAUDITED: Readonly<Record<string, AuditFinding>> = {
  'meetings POST /admin/daily-check': 'missing', // nothing due in the run
  'priorities POST /admin/daily-check': 'missing', // nothing due in the run
  'performance POST /detection/run': 'missing', // nothing to detect in the run
  'workflow POST /admin/daily-triggers': 'missing', // nothing due in the run
  'workflow POST /admin/digest': 'missing', // nothing held for a digest in the run
  'membership POST /admin/daily-check': 'missing', // nothing due in the run
  // Public: the comment is anonymous whatever token comes with it; its entry's actor is `public`.
  'priorities POST /public/pathway-versions/{id}/comments': 'missing',
};

/**
 * The authorization matrix of issue #14: every caller (admin, chair, clinical lead,
 * secretariat, member, observer, unseated clinician, service) against every write route of the
 * five services, on their own body and on another, each cell with fresh state and the outcome
 * the rules give (./authorization-matrix/*.rows.ts). Every cell is asserted and every mismatch
 * reported together; then each allowed write is looked up in its service's audit log.
 */
describe('authorization matrix (five services, every write route)', () => {
  const world = new World(uniqueName('authz'));
  const written: Written[] = [];

  beforeAll(async () => {
    await world.start();
    await world.populate();
  }, 240_000);

  afterAll(async () => {
    await world.stop();
  });

  it('has a row for every write route in the five OpenAPI documents, and none for any other', async () => {
    const documented: string[] = [];
    for (const service of SERVICES) {
      const answer = await world.call(service, 'GET', '/docs-json', world.tokens.admin);
      const doc = answer.body as { paths: Record<string, Record<string, unknown>> };
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          if (['post', 'put', 'patch', 'delete'].includes(method)) {
            documented.push(`${service} ${method.toUpperCase()} ${path}`);
          }
        }
      }
    }
    const tabled = ROWS.map((row) => `${row.service} ${routeOf(row)}`);
    expect(new Set(tabled).size).toBe(tabled.length);
    expect([...tabled].sort()).toEqual([...documented].sort());
  });

  it('gives every caller, on every write route, own body and other, the outcome the rules give', async () => {
    const mismatches: Mismatch[] = [];
    let cells = 0;
    for (const service of ORDER) {
      const rows = ROWS.filter((row) => row.service === service);
      for (let start = 0; start < rows.length; start += ROWS_AT_ONCE) {
        await Promise.all(
          rows.slice(start, start + ROWS_AT_ONCE).map(async (row) => {
            for (const [column, outcomes] of Object.entries(row.expected) as [
              Column,
              Record<Caller, Mismatch['expected']>,
            ][]) {
              for (const caller of CALLERS) {
                cells += 1;
                const cell = cellOf(world, caller, column);
                const problem = await runCell(world, row, cell, outcomes[caller], written);
                if (problem) {
                  mismatches.push(problem);
                }
              }
            }
          }),
        );
      }
    }
    const byBody = ROWS.filter((row) => row.scope !== 'none').length;
    process.stderr.write(
      `authorization matrix: ${CALLERS.length} roles x ${ROWS.length} write routes ` +
        `(${byBody} by own/other body or member, ${ROWS.length - byBody} with one column) = ` +
        `${cells} cells, ${mismatches.length} mismatches\n`,
    );
    expect(mismatches.map(describeMismatch)).toEqual([]);
  }, 600_000);

  it('finds each allowed write in its service’s audit log, naming the caller', async () => {
    const findings = new Map<string, { finding: AuditFinding; callers: Caller[] }>();
    for (const write of written) {
      const finding = await findInAuditLog(world, write);
      if (finding !== 'found') {
        const key = `${write.service} ${write.route}`;
        const known = findings.get(key);
        findings.set(key, { finding, callers: [...(known?.callers ?? []), write.caller] });
      }
    }
    process.stderr.write(
      `authorization matrix: ${written.length} allowed writes looked up in the audit logs; ` +
        `${findings.size} route(s) not found as the caller's:\n` +
        [...findings]
          .map(
            ([route, { finding, callers }]) => `  ${route}: ${finding} (${callers.join(', ')})\n`,
          )
          .join(''),
    );
    expect(
      Object.fromEntries([...findings].map(([route, { finding }]) => [route, finding])),
    ).toEqual(KNOWN_UNAUDITED);
  }, 180_000);
});

/** The body and member a cell is about (see `Column`). */
function cellOf(world: World, caller: Caller, column: Column): Cell<World> {
  const seated = caller !== 'admin' && caller !== 'service' && caller !== 'unseated-clinician';
  const ownMember = seated
    ? world.people.own[caller]
    : caller === 'unseated-clinician'
      ? world.unseated
      : world.people.own.member;
  return {
    world,
    caller,
    column,
    bodyId: world.bodies[column],
    memberId: column === 'own' ? ownMember : world.people.other.member,
    unique: world.unique(),
  };
}

async function runCell(
  world: World,
  row: Row<World>,
  cell: Cell<World>,
  expected: Mismatch['expected'],
  written: Written[],
): Promise<Mismatch | undefined> {
  const mismatch = (status: number, detail: string): Mismatch => ({
    service: row.service,
    route: routeOf(row),
    caller: cell.caller,
    column: cell.column,
    bodyId: cell.bodyId,
    expected,
    status,
    detail,
  });
  let built;
  try {
    built = await row.build(cell);
  } catch (error) {
    return mismatch(0, `setup failed: ${(error as Error).message}`);
  }
  const correlationId = randomUUID();
  const answer = await world.call(
    row.service,
    row.method,
    built.path,
    world.tokens[cell.caller],
    built.body,
    built.contentType,
    correlationId,
  );
  if (answer.status >= 200 && answer.status < 300) {
    const id = (answer.body as { id?: unknown } | undefined)?.id;
    written.push({
      service: row.service,
      route: routeOf(row),
      caller: cell.caller,
      target: built.target ?? (typeof id === 'string' ? id : undefined),
      correlationId,
    });
  }
  if (matches(expected, answer.status) && (expected !== 'allowed' || answer.status < 300)) {
    return undefined;
  }
  if (matches(expected, answer.status)) {
    // Allowed, but the state built for the cell did not make a valid request: say so.
    return mismatch(
      answer.status,
      `allowed but not 2xx: ${JSON.stringify(answer.body).slice(0, 300)}`,
    );
  }
  return mismatch(answer.status, JSON.stringify(answer.body).slice(0, 300));
}

function describeMismatch(m: Mismatch): string {
  return `${m.service} ${m.route} as ${m.caller} on ${m.column} (body ${m.bodyId}): expected ${m.expected}, got ${m.status} ${m.detail}`;
}
