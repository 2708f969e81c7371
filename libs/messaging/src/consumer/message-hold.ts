import type { EachMessagePayload } from 'kafkajs';
import type { KafkaEventServerOptions } from './kafka-event-server.options.js';

/** What the handling says of a message as it goes: its type once decoded, and tries so far. */
export type HoldReport = (eventType: string | undefined, attempts: number) => void;

/**
 * Runs the handling of one message and reports how long it held its partition, from its first
 * try to its offset committed: to `onHeld` always, and as a warning past `slowMessageMs`, since
 * every message after it on the partition waited as long.
 */
export async function measureHold(
  { topic, partition, message }: EachMessagePayload,
  options: Pick<KafkaEventServerOptions<never>, 'onHeld' | 'slowMessageMs' | 'logger'>,
  handle: (report: HoldReport) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  let eventType: string | undefined;
  let attempts = 0;
  await handle((type, tries) => {
    eventType = type;
    attempts = tries;
  });
  const held = performance.now() - started;
  options.onHeld?.(held / 1000, eventType);
  if (held > (options.slowMessageMs ?? 5_000)) {
    options.logger?.warn(
      `${topic}[${partition}]@${message.offset} (${eventType ?? 'not decoded'}) held its partition for ${held.toFixed(0)} ms over ${attempts} attempt(s)`,
      'KafkaEventServer',
    );
  }
}
