// Offering work at a steady rate and summarising timings, for the benches that drive load.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const TICK_MS = 10;

export const fmt = (value: number, digits = 1): string => value.toFixed(digits);

/** Nearest-rank percentile (NaN when there are no values). */
export function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The median, 95th and 99th percentiles of some durations. */
export function spread(values: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99) };
}

export const spreadText = (values: readonly number[]): string => {
  const { p50, p95, p99 } = spread(values);
  return `p50 ${fmt(p50)} / p95 ${fmt(p95)} / p99 ${fmt(p99)} ms`;
};

export function machineLine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((n) => fmt(n, 2));
  return `machine: ${cpus.length} cores (${cpus[0]?.model ?? '?'}), node ${process.version}, load ${load.join(' ')}`;
}

/** A flag of parseArgs as a number of at least `min`, or the error that names it. */
export function numberFlag(values: Record<string, unknown>, name: string, min = 0): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`--${name} must be a number of at least ${min} (got ${String(values[name])})`);
  }
  return value;
}

/**
 * Offers units at `perSecond` by the wall clock (every tick, the units due so far, so a late
 * tick catches up instead of the rate drifting) until `done(elapsedMs)`; resolves with how busy
 * this process's event loop was meanwhile (writers, relay, consumers and handlers share it).
 */
export async function pace(
  perSecond: number,
  done: (elapsedMs: number) => boolean,
  offer: (count: number) => void,
): Promise<number> {
  const [start, elu] = [performance.now(), performance.eventLoopUtilization()];
  let offered = 0;
  for (let elapsed = 0; !done(elapsed); await sleep(TICK_MS)) {
    elapsed = performance.now() - start;
    const due = Math.floor((elapsed * perSecond) / 1000) - offered;
    if (due > 0) {
      offer(due);
      offered += due;
    }
  }
  return performance.eventLoopUtilization(elu).utilization;
}

/**
 * Runs `work` on the items pushed, at most `concurrency` at once, in the order pushed; `slot`
 * says which of the `concurrency` lanes runs it (a connection of its own, say).
 */
export class Lanes<T> {
  private readonly queue: T[] = [];
  private readonly free: number[];
  private next = 0;
  failures = 0;

  constructor(
    private readonly concurrency: number,
    private readonly work: (item: T, slot: number) => Promise<void>,
  ) {
    this.free = Array.from({ length: concurrency }, (_, slot) => slot);
  }

  push(items: readonly T[]): void {
    this.queue.push(...items);
    this.pump();
  }

  /** Whether every item pushed so far is done (or failed). */
  idle(): boolean {
    return this.next === this.queue.length && this.free.length === this.concurrency;
  }

  private pump(): void {
    while (this.free.length > 0 && this.next < this.queue.length) {
      const [item, slot] = [this.queue[this.next++]!, this.free.pop()!];
      void this.work(item, slot)
        .catch((error: Error) => {
          this.failures += 1;
          console.error(`write failed: ${error.message}`);
        })
        .finally(() => {
          this.free.push(slot);
          this.pump();
        });
    }
  }
}
