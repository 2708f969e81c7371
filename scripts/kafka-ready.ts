// Exits 0 when a Kafka broker answers an admin request within the timeout, 1 otherwise.
// Used by scripts/infra.sh: readiness is an answer from the broker, not a line in its log.
import { parseArgs } from 'node:util';
import { createKafka } from '#messaging';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
    'timeout-ms': { type: 'string', default: '1500' },
  },
});
const timeoutMs = Number(values['timeout-ms']);
const kafka = createKafka({
  brokers: values.brokers.split(','),
  clientId: 'infra-ready',
  log: () => {},
});
const admin = kafka.admin({ retry: { retries: 0 } });

const timeout = new Promise<never>((_, reject) =>
  setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
);
try {
  await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
  process.exitCode = 0;
} catch {
  process.exitCode = 1;
} finally {
  await Promise.race([admin.disconnect(), new Promise((resolve) => setTimeout(resolve, 200))]);
}
process.exit();
