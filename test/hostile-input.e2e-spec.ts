import fc from 'fast-check';
import { PROVIDER_HEADER } from '../apps/performance/test/builders.js';
import {
  everyFieldOnce,
  hostileRequests,
  operationsOf,
  type HostileRequest,
  type IdPool,
  type Operation,
} from './hostile-input/openapi-requests.js';
import { PlatformUnderTest, SERVICES, type Answer } from './hostile-input/platform-under-test.js';
import { seedPlatform } from './hostile-input/seed.js';

/*
 * The hostile-input test of issue #14: the five services booted in this process on schemas of
 * their own, a little real data seeded, and every operation of each service's OpenAPI document
 * (GET /docs-json) sent requests generated from its schema with fast-check: each path, query and
 * body field plausible or hostile (NUL and control characters, lone surrogates, 10,000-character
 * text, huge, negative and fractional numbers, impossible days and months, malformed ids, other
 * JSON types, unknown fields, missing required ones, malformed or deeply nested JSON, hostile
 * CSV files), mostly as an admin so that they reach validation and the database, some as a
 * clinician linked to a member, a few with no token or a forged one. Then one request per body
 * field with that field hostile. No answer may be a 5xx; every 4xx must be problem details.
 * HOSTILE_LOG_LEVEL=error shows the services' logs (a 500's stack).
 */

/** Replay a failing run with HOSTILE_SEED=<the seed it printed>. */
const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_414);
const PER_OPERATION = Number(process.env.HOSTILE_REQUESTS_PER_OPERATION ?? 16);
const MINIMUM_REQUESTS = 2_000;
const CONCURRENCY = 4;

/** Routes that read a raw CSV body, which their OpenAPI operations do not describe. */
const CSV_ROUTES: Record<string, Record<string, string>> = {
  performance: {
    'POST /imports': PROVIDER_HEADER,
    'POST /providers/import': 'ORG CODE,ALLIANCE,NAME',
    'POST /cancer-types/import': 'CANCER TYPE,TUMOUR SITE',
  },
};

/** Liveness and readiness take no input, and readiness answers 503 by design when a dependency is down. */
const SKIPPED = /^\/health\//;

interface Sent {
  readonly operation: Operation;
  /** Which sample of the operation's requests: with the seed, enough to generate it again. */
  readonly sample: string;
  readonly request: HostileRequest;
  readonly answer?: Answer;
  readonly error?: string;
}

/** What is wrong with an answer, if anything: a 5xx, or a 4xx that is not problem details. */
function faultOf(sent: Sent): string | undefined {
  const { answer } = sent;
  if (!answer) {
    return `no answer: ${sent.error ?? 'unknown'}`;
  }
  if (answer.status >= 500) {
    return `${answer.status}`;
  }
  if (answer.status < 400) {
    return undefined;
  }
  if (!/^application\/problem\+json\b/.test(answer.contentType)) {
    return `${answer.status} as ${answer.contentType || 'no content type'}`;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    return `${answer.status} with a body that is not JSON`;
  }
  const missing = [
    typeof body['type'] === 'string' ? [] : ['type'],
    typeof body['title'] === 'string' ? [] : ['title'],
    body['status'] === answer.status ? [] : ['status'],
    typeof body['detail'] === 'string' ? [] : ['detail'],
  ].flat();
  return missing.length === 0 ? undefined : `${answer.status} without ${missing.join(', ')}`;
}

const clip = (text: string | undefined, length: number) =>
  text === undefined
    ? ''
    : text.length > length
      ? `${text.slice(0, length)}… (${text.length} chars)`
      : text;

/** The failures grouped by route and fault, a few examples of each. */
function report(failures: { sent: Sent; fault: string }[]): string {
  const groups = new Map<string, { sent: Sent; fault: string }[]>();
  for (const failure of failures) {
    const { operation } = failure.sent;
    const key = `${operation.service} ${operation.method} ${operation.path}: ${failure.fault}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  return [...groups]
    .map(([key, group]) =>
      [
        `${key} (${group.length}x)`,
        ...group
          .slice(0, 3)
          .map(
            ({ sent }) =>
              `    sample ${sent.sample} as ${sent.request.caller}: ${sent.request.method} ${clip(sent.request.url, 300)}` +
              `${sent.request.body === undefined ? '' : `\n      body (${sent.request.contentType}): ${clip(JSON.stringify(sent.request.body), 300)}`}` +
              `\n      answer: ${clip(sent.answer?.text ?? sent.error, 500)}`,
          ),
      ].join('\n'),
    )
    .join('\n');
}

describe('hostile input to every route of the five services, from their OpenAPI documents', () => {
  let platform: PlatformUnderTest;
  let pool: IdPool;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    pool = await seedPlatform(platform);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it(`answers at least ${MINIMUM_REQUESTS} generated requests without a 5xx, every 4xx as problem details`, async () => {
    const operations: Operation[] = [];
    for (const service of SERVICES) {
      const document = await platform.document(service);
      operations.push(
        ...operationsOf(service, document, CSV_ROUTES[service]).filter(
          (operation) => !SKIPPED.test(operation.path),
        ),
      );
    }
    // Each operation its own stream of the seed; requests interleaved across the operations,
    // then one request per body field with that field hostile.
    const planned = operations.map((operation, index) =>
      fc.sample(hostileRequests(operation, pool), { numRuns: PER_OPERATION, seed: SEED + index }),
    );
    const queue: Omit<Sent, 'answer' | 'error'>[] = Array.from(
      { length: PER_OPERATION },
      (_, sample) =>
        operations.map((operation, index) => ({
          operation,
          sample: `${sample}`,
          request: planned[index]![sample]!,
        })),
    ).flat();
    operations.forEach((operation, index) =>
      everyFieldOnce(operation, pool).forEach((field, fieldIndex) =>
        queue.push({
          operation,
          sample: `field ${fieldIndex}`,
          request: fc.sample(field, { numRuns: 1, seed: SEED + index * 1_000 + fieldIndex })[0]!,
        }),
      ),
    );

    const sent: Sent[] = [];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          sent.push({ ...next, answer: await platform.call(next.operation.service, next.request) });
        } catch (error) {
          sent.push({ ...next, error: (error as Error).message });
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const failures = sent.flatMap((one) => {
      const fault = faultOf(one);
      return fault === undefined ? [] : [{ sent: one, fault }];
    });
    const count = (test: (status: number) => boolean) =>
      sent.filter((one) => one.answer && test(one.answer.status)).length;
    const fiveXx = count((status) => status >= 500);
    console.log(
      `hostile-input: ${sent.length} requests across ${operations.length} operations, ${fiveXx} responses 5xx ` +
        `(seed ${SEED}; ${count((status) => status < 300)} 2xx, ${count((status) => status >= 400 && status < 500)} 4xx, ` +
        `${failures.length} faults; ${Math.round((Date.now() - started) / 1000)} s)`,
    );

    expect(sent.length).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${sent.length} hostile requests (seed ${SEED}) got a 5xx or a 4xx that is not problem details:\n${report(failures)}`,
      );
    }
  }, 600_000);
});
