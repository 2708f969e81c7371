import { createHash } from 'node:crypto';

/** What caused a case transition: a person, an event from another service, a timer, the system. */
export interface HistoryCause {
  kind: 'user' | 'event' | 'timer' | 'system';
  /** The member id, event id, timer id or process name, so the cause can be traced. */
  ref: string;
}

/** One transition of an escalation case, as hashed into the case's history. */
export interface HistoryEntryContent {
  caseId: string;
  /** 1 for the case's first entry, then one more for each entry after it. */
  sequence: number;
  /** ISO 8601 instant. */
  at: string;
  transition: string;
  fromStatus: string | null;
  toStatus: string;
  level: string;
  cause: HistoryCause;
  details: Record<string, unknown>;
}

/** A history entry as stored: its content, its hash and the hash of the entry before it. */
export type HashedHistoryEntry = HistoryEntryContent & {
  hash: string;
  previousHash: string | null;
};

/** The outcome of `verifyChain`. */
export type ChainVerification =
  | { valid: true; length: number }
  | {
      valid: false;
      /** The sequence number where the chain breaks: every entry before it verifies. */
      brokenAt: number;
      reason: string;
    };

const SHA256_HEX = /^[0-9a-f]{64}$/;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
      }
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      // JSON.stringify would drop these or turn them into null, so two different values
      // would hash alike.
      throw new TypeError(`${path} is a ${typeof value}, which has no canonical JSON form`);
    case 'object':
      break;
  }
  if (value === null) {
    return 'null';
  }
  if (value instanceof Date) {
    throw new TypeError(`${path} is a Date: convert it to an ISO string first`);
  }
  if (ancestors.has(value)) {
    throw new TypeError(`${path} refers back to itself`);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: unknown[] = value;
      const parts: string[] = [];
      // An index loop, not map, so that holes in a sparse array are seen as undefined.
      for (let i = 0; i < items.length; i += 1) {
        parts.push(serialise(items[i], `${path}[${i}]`, ancestors));
      }
      return `[${parts.join(',')}]`;
    }
    // A Map, a Set or a class instance would serialise as {} or through its own toJSON:
    // only plain data has one obvious form.
    if (!isPlainObject(value)) {
      throw new TypeError(`${path} is ${Object.prototype.toString.call(value)}, not plain data`);
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${serialise(record[key], `${path}.${key}`, ancestors)}`,
      );
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * JSON with every object's keys sorted (by UTF-16 code unit, recursively) and no whitespace, so
 * the same data always gives the same text whatever order its keys were written in: the form
 * of RFC 8785 (JCS) for the values it accepts. Throws a TypeError for what JSON cannot carry
 * faithfully: undefined, functions, symbols, bigints, non-finite numbers, Dates (convert them to
 * ISO strings first), objects other than plain objects and arrays, and cycles.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, 'value', new Set());
}

/** Only the hashed fields, so a stored row's id or hash columns never enter the hash. */
function contentOf(entry: HistoryEntryContent): HistoryEntryContent {
  return {
    caseId: entry.caseId,
    sequence: entry.sequence,
    at: entry.at,
    transition: entry.transition,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    level: entry.level,
    cause: entry.cause,
    details: entry.details,
  };
}

/**
 * The hex SHA-256 of an entry chained to the one before it: over `previousHash` (or `genesis`
 * for a case's first entry), a newline and the entry's canonical JSON. Fields other than those
 * of `HistoryEntryContent` are ignored. Changing this form breaks every stored chain.
 */
export function entryHash(previousHash: string | null, entry: HistoryEntryContent): string {
  // 'genesis' itself must not pass as a previous hash, or a first entry and a forged second
  // entry would hash alike.
  if (previousHash !== null && !SHA256_HEX.test(previousHash)) {
    throw new TypeError('previousHash must be null or a lower-case hex SHA-256');
  }
  return createHash('sha256')
    .update(`${previousHash ?? 'genesis'}\n${canonicalJson(contentOf(entry))}`, 'utf8')
    .digest('hex');
}

/**
 * Checks a case's history in the order given: sequences run 1 to n without gaps, each entry
 * names the hash of the one before it (null for the first) and each hash recomputes. Reports the
 * first break. It cannot see entries cut from the end, nor a history rewritten and rehashed from
 * some entry on: for that the latest hash must also be kept somewhere the writer cannot change.
 */
export function verifyChain(entries: readonly HashedHistoryEntry[]): ChainVerification {
  let previous: HashedHistoryEntry | null = null;
  for (const [index, entry] of entries.entries()) {
    const expected = index + 1;
    const broken = (reason: string): ChainVerification => ({
      valid: false,
      brokenAt: expected,
      reason,
    });
    if (entry.sequence !== expected) {
      return broken(`expected sequence ${expected}, found ${entry.sequence}`);
    }
    if (previous && entry.caseId !== previous.caseId) {
      return broken(`belongs to case ${entry.caseId}, not ${previous.caseId}`);
    }
    const previousHash = previous?.hash ?? null;
    if (entry.previousHash !== previousHash) {
      return broken(
        `previousHash is ${entry.previousHash ?? 'null'}, expected ${previousHash ?? 'null'}`,
      );
    }
    let recomputed: string;
    try {
      recomputed = entryHash(previousHash, entry);
    } catch (error) {
      return broken(
        `content cannot be hashed: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    }
    if (entry.hash !== recomputed) {
      return broken(`hash does not match the content (recomputed ${recomputed})`);
    }
    previous = entry;
  }
  return { valid: true, length: entries.length };
}
