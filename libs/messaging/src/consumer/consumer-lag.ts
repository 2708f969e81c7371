import type { Consumer } from 'kafkajs';
import type { Gauge } from 'prom-client';

export type LagLabel = 'consumer' | 'topic' | 'partition';

/**
 * Keeps `gauge` at each partition's lag as the consumer last saw it: the messages after the
 * batch it just handled up to the partition's high watermark (kafkajs's END_BATCH_PROCESS
 * `offsetLag`). A rebalance clears it, so a partition that moved to another instance is not
 * reported twice; the instance that now owns it reports it from its first batch.
 */
export function reportConsumerLag(consumer: Consumer, gauge: Gauge<LagLabel>, name: string): void {
  consumer.on(consumer.events.GROUP_JOIN, () => gauge.reset());
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    gauge.set(
      { consumer: name, topic: payload.topic, partition: String(payload.partition) },
      Number(payload.offsetLag),
    );
  });
}
