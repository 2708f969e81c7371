import type { Admin, Kafka } from 'kafkajs';
import type { FaultWindow } from './fleet.js';
import { groupPositions } from './group-offsets.js';
import { finding, type LedgerFinding } from './ledger-finding.js';

/** A partition seen with messages waiting: at which offset, since when, last seen there. */
interface Still {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly since: number;
  seen: number;
}

/** A partition that had messages waiting and whose group's committed offset did not move. */
export interface PartitionBlock {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
  /** The fault it overlapped, when one did. */
  readonly fault: string | undefined;
}

/**
 * After a fault ends, how long a block still counts as its doing: a consumer that comes back
 * (or a broker's groups re-forming) makes the group rebalance, and every member stops fetching
 * until the rebalance is over; a killed member's partitions wait out the session timeout
 * (10 s) first.
 */
const FAULT_TAIL_MS = 15_000;

/** Blocks shorter than this are the sampling's own noise, not kept. */
const KEPT_FROM_MS = 1_000;

/**
 * The fault that explains something that went on from `from` to `to` in `service` (undefined:
 * in any), if one does: a fault of that service or of every service, overlapping it or ended
 * less than FAULT_TAIL_MS before it began.
 */
function faultOver(
  faults: readonly FaultWindow[],
  from: number,
  to: number,
  service: string | undefined,
): FaultWindow | undefined {
  return faults.find(
    (fault) =>
      (fault.service === undefined || service === undefined || fault.service === service) &&
      from <= fault.to + FAULT_TAIL_MS &&
      to >= fault.from,
  );
}

/**
 * Watches every consumer group's committed offsets against the partitions' ends, every
 * `intervalMs`, and records each time a partition stood still with messages waiting: how long
 * a partition was blocked, seen from outside the services, whatever blocked it (a poison
 * message retried, a handler waiting on a lock, a rebalance after a kill). Each block is then
 * matched with the faults the run made, so that a block no fault explains stands out.
 */
export class PartitionWatch {
  readonly blocks: PartitionBlock[] = [];
  samples = 0;
  private readonly still = new Map<string, Still>();
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly kafka: Kafka,
    private readonly groups: readonly string[],
    private readonly serviceOf: (group: string) => string,
    private readonly intervalMs = 500,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample());
    }, this.intervalMs);
  }

  /** Stops sampling; a partition still standing still ends its block now. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    const now = this.now();
    for (const state of this.still.values()) {
      this.close(state, now);
    }
    this.still.clear();
    await this.admin?.disconnect().catch(() => undefined);
  }

  /** The blocks, each with the fault that explains it, given every fault window of the run. */
  explained(faults: readonly FaultWindow[]): PartitionBlock[] {
    return this.blocks.map((block) => ({
      ...block,
      fault: faultOver(faults, block.from, block.to, this.serviceOf(block.group))?.what,
    }));
  }

  /** One look at every group's offsets; start() takes one every interval. */
  async sample(): Promise<void> {
    try {
      this.admin ??= await this.connect();
      const now = this.now();
      const positions = await groupPositions(this.admin, this.groups);
      for (const { group, topic, partition, low, high, ...position } of positions) {
        // No commit yet: the group has not moved past the start of the partition.
        const committed = position.committed < 0 ? low : position.committed;
        const key = `${group}\u0000${topic}\u0000${partition}`;
        const before = this.still.get(key);
        const waiting = { group, topic, partition, offset: committed, since: now, seen: now };
        if (committed >= high || (before && committed !== before.offset)) {
          if (before) {
            this.close(before, now);
            this.still.delete(key);
          }
          if (committed < high) {
            this.still.set(key, waiting);
          }
        } else if (before) {
          before.seen = now;
        } else {
          this.still.set(key, waiting);
        }
      }
      this.samples += 1;
    } catch {
      // The broker restarting: no sample, and the block, if any, runs on through the fault.
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
    }
  }

  private async connect(): Promise<Admin> {
    const admin = this.kafka.admin();
    await admin.connect();
    return admin;
  }

  /**
   * Ends a block at `until`, the first look that saw the partition move (an upper bound on how
   * long it stood still). A partition that moved by the very next look was not seen standing
   * still at all, unless looks were missed in between (the broker not answering).
   */
  private close({ group, topic, partition, since, seen }: Still, until: number): void {
    const seenStill = seen > since || until - seen > 2 * this.intervalMs;
    if (!seenStill || until - since < KEPT_FROM_MS) {
      return;
    }
    this.blocks.push({ group, topic, partition, from: since, to: until, fault: undefined });
  }
}

/** The issue's bound: no message holds its partition longer than this but in a fault. */
export const BLOCK_BOUND_MS = 5_000;

const describeBlock = (block: PartitionBlock) =>
  `${block.group} on ${block.topic}[${block.partition}] ${((block.to - block.from) / 1000).toFixed(1)}s from ${new Date(block.from).toISOString()}${block.fault ? ` (${block.fault})` : ', no fault'}`;

/**
 * Figures, not a check: how long partitions stood still with messages waiting, seen from
 * outside. Besides a blocking message this counts a partition waiting its turn behind the
 * others its instance works on (lag under load) and every rebalance; `heldFinding` says which
 * messages blocked. Its examples are the longest three stand-stills with no fault.
 */
export function standStillFigures(blocks: readonly PartitionBlock[]): LedgerFinding {
  const seconds = (block: PartitionBlock) => (block.to - block.from) / 1000;
  const longest = [...blocks].sort((a, b) => seconds(b) - seconds(a));
  const unexplained = longest.filter((block) => block.fault === undefined);
  const result = finding(
    'partitions standing still with messages waiting (figures)',
    {
      'over 1s': blocks.length,
      'longest s': Number((longest[0] ? seconds(longest[0]) : 0).toFixed(1)),
      'longest with no fault s': Number((unexplained[0] ? seconds(unexplained[0]) : 0).toFixed(1)),
      [`over ${BLOCK_BOUND_MS / 1000}s with no fault`]: unexplained.filter(
        (block) => block.to - block.from > BLOCK_BOUND_MS,
      ).length,
    },
    [],
  );
  return { ...result, examples: unexplained.slice(0, 3).map(describeBlock) };
}

/** A message that held its partition, as its consumer logged it (see measureHold). */
export interface Hold {
  readonly at: number;
  readonly ms: number;
  readonly line: string;
}

const HELD = /held its partition for (\d+) ms/;

/** The holds in instances' JSON log lines: each line's time is when the hold ended. */
export function holdsIn(text: string): Hold[] {
  const holds: Hold[] = [];
  for (const line of text.split('\n')) {
    const ms = HELD.exec(line)?.[1];
    if (!ms) {
      continue;
    }
    const { time, msg } = JSON.parse(line) as { time: string; msg: string };
    holds.push({ at: Date.parse(time), ms: Number(ms), line: msg });
  }
  return holds;
}

/**
 * The check: no message held its partition over the bound unless a fault explains it (the
 * database restarting while the message is tried again, say). A message that holds its
 * partition holds every message after it on that partition.
 */
export function heldFinding(holds: readonly Hold[], faults: readonly FaultWindow[]): LedgerFinding {
  const over = holds.filter((hold) => hold.ms > BLOCK_BOUND_MS);
  // Any service's fault: a log line's hold is not matched with the instance that logged it.
  const unexplained = over.filter(
    (hold) => faultOver(faults, hold.at - hold.ms, hold.at, undefined) === undefined,
  );
  return finding(
    `no message held its partition over ${BLOCK_BOUND_MS / 1000}s but in a fault`,
    {
      [`held over ${BLOCK_BOUND_MS / 1000}s`]: over.length,
      // Consumers log only the holds past their slow mark (5 s): 0 when none were.
      'longest logged s': Number((Math.max(0, ...holds.map((hold) => hold.ms)) / 1000).toFixed(1)),
      'over with no fault': unexplained.length,
    },
    unexplained.map((hold) => `${new Date(hold.at).toISOString()} ${hold.line}`),
  );
}
