import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { Gauge, Registry } from 'prom-client';
import { reportConsumerLag, type LagLabel } from './consumer-lag.js';

const events = {
  GROUP_JOIN: 'consumer.group_join',
  END_BATCH_PROCESS: 'consumer.end_batch_process',
};

/** A stand-in for the kafkajs consumer's instrumentation events: `on(event, listener)`. */
function consumerEvents() {
  const emitter = new EventEmitter();
  const consumer = {
    events,
    on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
  } as unknown as Consumer;
  return { consumer, emit: (event: string, payload?: object) => emitter.emit(event, { payload }) };
}

describe('reportConsumerLag', () => {
  const registry = new Registry();
  const gauge = new Gauge<LagLabel>({
    name: 'kafka_consumer_lag',
    help: 'lag',
    labelNames: ['consumer', 'topic', 'partition'],
    registers: [registry],
  });

  it('reports each partition lag after a batch, and forgets it on a rebalance', async () => {
    const { consumer, emit } = consumerEvents();
    reportConsumerLag(consumer, gauge, 'workflow');
    emit(events.END_BATCH_PROCESS, { topic: 'performance.events', partition: 2, offsetLag: '41' });
    const text = await registry.metrics();
    expect(text).toContain(
      'kafka_consumer_lag{consumer="workflow",topic="performance.events",partition="2"} 41',
    );
    emit(events.GROUP_JOIN);
    expect(await registry.metrics()).not.toContain('partition="2"');
  });
});
