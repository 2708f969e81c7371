import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { schemaOf } from '#platform';

export interface ProcessedEventPrunerOptions {
  readonly dataSource: DataSource;
  /**
   * How long a processed event's row is kept. It must exceed every replay horizon: the longest
   * time after which the same event can reach the consumer again (Kafka's retention of the
   * topics it reads, when a group may be reset or rewound; the age of a dead letter that may be
   * replayed). A redelivery after its row is pruned would be handled a second time.
   */
  readonly retentionDays: number;
  /** How often to prune; an hour unless said. */
  readonly intervalMs?: number;
  /** Rows deleted per statement, so no prune holds a long lock or transaction. */
  readonly batchSize?: number;
  readonly logger?: LoggerService;
  readonly onPruned?: (rows: number) => void;
}

/**
 * Deletes the schema's processed-event rows older than the retention window, in batches, at
 * start and then periodically in the process (the timer does not keep the process alive).
 */
export class ProcessedEventPruner {
  private readonly table: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: ProcessedEventPrunerOptions) {
    this.table = `"${schemaOf(options.dataSource)}"."processed_event"`;
  }

  start(): void {
    const tick = () => {
      this.running ??= this.prune()
        .catch((error: unknown) => {
          this.options.logger?.warn(
            `Processed events not pruned: ${(error as Error).message}`,
            'ProcessedEventPruner',
          );
        })
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(tick, this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes every row older than the window; returns how many. */
  async prune(): Promise<number> {
    const batchSize = this.options.batchSize ?? 5_000;
    let total = 0;
    for (;;) {
      const [, deleted] = await this.options.dataSource.query<[unknown, number]>(
        `DELETE FROM ${this.table} WHERE (consumer, event_id) IN (
           SELECT consumer, event_id FROM ${this.table}
            WHERE processed_at < now() - make_interval(days => $1)
            LIMIT $2)`,
        [this.options.retentionDays, batchSize],
      );
      total += deleted;
      if (deleted < batchSize) {
        break;
      }
    }
    if (total > 0) {
      this.options.logger?.log(
        `Pruned ${total} processed event(s) older than ${this.options.retentionDays} day(s)`,
        'ProcessedEventPruner',
      );
    }
    this.options.onPruned?.(total);
    return total;
  }
}
