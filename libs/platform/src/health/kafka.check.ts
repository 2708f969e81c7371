import { Kafka, logLevel } from 'kafkajs';
import type { ReadinessCheck } from './readiness-check.js';

/**
 * Ready when the brokers describe their cluster. Each probe opens its own admin connection and
 * closes it, so a broker that is down costs one refused connection, not a retry loop.
 */
export function kafkaCheck(
  brokers: string[],
  options: { name?: string; clientId?: string } = {},
): ReadinessCheck {
  const kafka = new Kafka({
    clientId: options.clientId ?? 'readiness-check',
    brokers,
    connectionTimeout: 1000,
    requestTimeout: 1500,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  return {
    name: options.name ?? 'kafka',
    async run(signal) {
      const admin = kafka.admin();
      const disconnect = (): void => {
        void admin.disconnect().catch(() => undefined);
      };
      signal.addEventListener('abort', disconnect, { once: true });
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        return { brokers: cluster.brokers.length };
      } finally {
        signal.removeEventListener('abort', disconnect);
        await admin.disconnect();
      }
    },
  };
}
