import type { LoggerService } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { dispositionOf, waitsForOf, type ConsumeOutcome } from './disposition.js';
import { isTransientInfrastructureError } from './transient-error.js';
import type { ParkedEventStore, ParkedRow } from './parked-event-store.js';

interface Decoded {
  readonly id: string;
  readonly type: string;
}

export interface ParkedEventSweepOptions<E extends Decoded> {
  readonly store: ParkedEventStore;
  readonly dataSource: DataSource;
  /** How often the sweep looks; a second unless said. */
  readonly intervalMs?: number | undefined;
  /** The first wait before a parked event is tried again; it doubles up to `retryMaxMs`. */
  readonly retryInitialMs?: number | undefined;
  readonly retryMaxMs?: number | undefined;
  readonly logger?: LoggerService | undefined;
  readonly onOutcome?:
    ((outcome: ConsumeOutcome, eventType: string | undefined) => void) | undefined;
  /** The consumer's own path for a parked event: decode as a live message, then handle. */
  readonly decode: (row: ParkedRow) => E;
  /** 'busy' when another instance has the row; throws the handler's error. */
  readonly handle: (
    row: ParkedRow,
    event: E,
  ) => Promise<'handled' | 'duplicate' | 'busy' | 'no-handler'>;
  readonly recordSkipped: (event: E, manager: EntityManager) => Promise<void>;
  readonly deadLetter: (row: ParkedRow, reason: string, attempts: number) => Promise<void>;
}

/**
 * Tries a consumer's parked events again, one sweep at a time: those due by their backoff, or all
 * of them after a wake (an event was handled that may have brought what they wait for). A try
 * that fails leaves the event parked with its reason; only a permanent error dead-letters it.
 */
export class ParkedEventSweep<E extends Decoded> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private woken = false;
  private stopped = false;

  constructor(private readonly options: ParkedEventSweepOptions<E>) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.intervalMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Parks an event whose handler said what it names is not known yet; its offset may commit. */
  async park(
    event: E,
    message: KafkaMessage,
    source: { topic: string; partition: number },
    error: unknown,
  ): Promise<void> {
    const reason = (error as Error).message;
    await this.options.store.park({
      eventId: event.id,
      eventType: event.type,
      topic: source.topic,
      partition: source.partition,
      offset: message.offset,
      message,
      reason,
      waitsFor: waitsForOf(error),
      retryInMs: this.backoff(1),
    });
    this.options.logger?.warn(`${event.type} ${event.id} parked: ${reason}`, 'ParkedEventSweep');
    this.options.onOutcome?.('parked', event.type);
  }

  /** Tries every parked event at the next sweep, due or not. */
  wake(): void {
    this.woken = true;
  }

  backoff(attempts: number): number {
    const initial = this.options.retryInitialMs ?? 1_000;
    const max = this.options.retryMaxMs ?? 300_000;
    return Math.min(max, initial * 2 ** Math.min(attempts - 1, 30));
  }

  private tick(): void {
    if (this.running || this.stopped) {
      return;
    }
    const all = this.woken;
    this.woken = false;
    this.running = this.sweep(all)
      .catch((error: unknown) => {
        this.options.logger?.warn(
          `Parked events not tried: ${(error as Error).message}`,
          'ParkedEventSweep',
        );
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  private async sweep(all: boolean): Promise<void> {
    for (const row of await this.options.store.candidates(all, 100)) {
      if (this.stopped) {
        return;
      }
      await this.retry(row);
    }
  }

  private async retry(row: ParkedRow): Promise<void> {
    const { store, dataSource, onOutcome } = this.options;
    const attempts = row.attempts + 1;
    let event: E;
    try {
      event = this.options.decode(row);
    } catch (error) {
      // Its contract changed under it: it will never pass.
      await this.options.deadLetter(row, (error as Error).message, attempts);
      await store.remove(dataSource, row.eventId);
      onOutcome?.('dead-lettered', row.eventType);
      return;
    }
    try {
      const outcome = await this.options.handle(row, event);
      if (outcome === 'busy') {
        return;
      }
      if (outcome === 'no-handler') {
        const reason = `No handler for ${event.type} any more`;
        await store.failed(row.eventId, reason, null, this.backoff(attempts));
        return;
      }
      onOutcome?.(outcome === 'handled' ? 'unparked' : 'duplicate', event.type);
      this.options.logger?.log(
        `${event.type} ${event.id} unparked: ${outcome}`,
        'ParkedEventSweep',
      );
      // Events parked behind it, and whatever it brought, may pass now.
      this.woken = true;
    } catch (error) {
      if (this.stopped) {
        return;
      }
      const reason = (error as Error).message;
      const disposition = dispositionOf(error);
      if (disposition === 'skip') {
        await dataSource.transaction(async (manager) => {
          await this.options.recordSkipped(event, manager);
          await store.remove(manager, event.id);
        });
        onOutcome?.('skipped', event.type);
      } else if (disposition === 'dead-letter' && !isTransientInfrastructureError(error)) {
        await this.options.deadLetter(row, reason, attempts);
        await store.remove(dataSource, event.id);
        onOutcome?.('dead-lettered', event.type);
      } else {
        await store.failed(event.id, reason, waitsForOf(error), this.backoff(attempts));
      }
    }
  }
}
