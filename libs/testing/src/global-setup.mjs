// Jest loads global setup outside its module pipeline, so this file is plain ES module
// JavaScript with no project imports. It fails the integration run at once, saying what is
// missing, when the infrastructure `npm run infra:up` starts is not answering.
import kafkajs from 'kafkajs';
import pg from 'pg';
import { Redis } from 'ioredis';

const databaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cancer_network_test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export default async function globalSetup() {
  const problems = [];
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    problems.push(`PostgreSQL (${databaseUrl}): ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(`Redis (${redisUrl}): ${error.message}`);
  } finally {
    redis.disconnect();
  }
  const kafka = new kafkajs.Kafka({
    clientId: 'global-setup',
    brokers,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const admin = kafka.admin({ retry: { retries: 2 } });
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    problems.push(`Kafka (${brokers.join(',')}): ${error.message}`);
  } finally {
    await admin.disconnect();
  }
  if (problems.length > 0) {
    throw new Error(
      `Integration tests need the local infrastructure; run \`npm run infra:up\` first.\n  ${problems.join('\n  ')}`,
    );
  }
}
