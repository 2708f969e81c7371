import { Redis } from 'ioredis';
import type { ReadinessCheck } from './readiness-check.js';

/**
 * Ready when Redis answers PING. Each probe opens one connection without reconnects or an offline
 * queue and always closes it, so a Redis that is down fails fast and leaves nothing behind.
 */
export function redisCheck(
  redisUrl: string,
  options: { name?: string; connectionName?: string } = {},
): ReadinessCheck {
  return {
    name: options.name ?? 'redis',
    async run(signal) {
      const client = new Redis(redisUrl, {
        lazyConnect: true,
        // Named so that CLIENT LIST shows whether probes leave connections behind.
        connectionName: options.connectionName ?? 'readiness-check',
        connectTimeout: 1500,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
        disconnectTimeout: 500,
      });
      // An unhandled 'error' event would crash the process; it also says more than the rejection
      // ("Connection is closed."), so it is the reason reported.
      let connectionError: unknown;
      client.on('error', (error: unknown) => {
        connectionError = error;
      });
      const disconnect = (): void => {
        // Disconnecting a client whose connection already failed would arm a timer for nothing.
        if (client.status !== 'end') {
          client.disconnect();
        }
      };
      signal.addEventListener('abort', disconnect, { once: true });
      try {
        await client.connect();
        await client.ping();
      } catch (error) {
        throw connectionError ?? error;
      } finally {
        signal.removeEventListener('abort', disconnect);
        disconnect();
      }
    },
  };
}
