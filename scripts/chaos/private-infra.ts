import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createKafka } from '#messaging';
import { freePort, waitFor } from '#testing';

const ROOT = new URL('../..', import.meta.url).pathname;
const PG_BIN = '/usr/lib/postgresql/15/bin';
const KAFKA_LIBS = join(ROOT, '.infra/kafka/libs');

/**
 * PostgreSQL, Redis and a Kafka broker of the fault suite's own, on free loopback ports under
 * a directory of its own, so that it can restart and flush them without touching the
 * development infrastructure (`npm run infra:up`) or anything else running on the machine.
 */
export class PrivateInfra {
  private kafka?: ChildProcess;
  private redis?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly pgPort: number,
    readonly redisPort: number,
    readonly kafkaPort: number,
    private readonly controllerPort: number,
  ) {}

  get databaseUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.pgPort}/cancer_network`;
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  get kafkaBrokers(): string {
    return `127.0.0.1:${this.kafkaPort}`;
  }

  static async start(dir: string): Promise<PrivateInfra> {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const infra = new PrivateInfra(
      dir,
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    );
    infra.initPostgres();
    await infra.startPostgres();
    await infra.startRedis();
    infra.formatKafka();
    await infra.startKafka();
    return infra;
  }

  /** SIGKILL to the broker (no clean shutdown), then a start on the same data. */
  async restartKafka(): Promise<void> {
    await stopChild(this.kafka, 'SIGKILL');
    await this.startKafka();
  }

  /** An immediate shutdown (no checkpoint: crash recovery on start), then a start. */
  async restartPostgres(): Promise<void> {
    this.pgCtl(['stop', '-m', 'immediate']);
    await this.startPostgres();
  }

  /** Every key gone, as when Redis restarts without persistence. */
  async flushRedis(): Promise<void> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 3 });
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    await stopChild(this.kafka, 'SIGTERM');
    await stopChild(this.redis, 'SIGTERM');
    this.pgCtl(['stop', '-m', 'fast']);
  }

  private get pgData(): string {
    return join(this.dir, 'pg');
  }

  /** initdb refuses to run as root: the cluster is the postgres user's when run as root. */
  private runAsOwner(command: string, args: string[]): { status: number | null; output: string } {
    const asRoot = process.getuid?.() === 0;
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  private initPostgres(): void {
    mkdirSync(this.pgData, { recursive: true });
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresUser();
      chownSync(this.dir, uid, gid);
      chownSync(this.pgData, uid, gid);
    }
    const init = this.runAsOwner(join(PG_BIN, 'initdb'), [
      '-D',
      this.pgData,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
    ]);
    if (init.status !== 0) {
      throw new Error(`initdb failed:\n${init.output}`);
    }
  }

  private pgCtl(args: string[]): void {
    this.runAsOwner(join(PG_BIN, 'pg_ctl'), ['-D', this.pgData, ...args]);
  }

  private async startPostgres(): Promise<void> {
    // fsync off: the suite kills processes, never the machine, so the page cache survives.
    const options = [
      `-p ${this.pgPort}`,
      `-k ${this.pgData}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=400',
      '-c fsync=off',
    ].join(' ');
    const started = this.runAsOwner(join(PG_BIN, 'pg_ctl'), [
      '-D',
      this.pgData,
      '-l',
      join(this.pgData, 'server.log'),
      '-o',
      options,
      '-w',
      'start',
    ]);
    if (started.status !== 0) {
      throw new Error(`PostgreSQL did not start:\n${started.output}`);
    }
    const client = new pg.Client({
      connectionString: this.databaseUrl.replace(/\/[^/]+$/, '/postgres'),
    });
    await client.connect();
    try {
      const exists = await client.query(
        `SELECT 1 FROM pg_database WHERE datname = 'cancer_network'`,
      );
      if (exists.rowCount === 0) {
        await client.query('CREATE DATABASE cancer_network');
      }
    } finally {
      await client.end();
    }
  }

  private async startRedis(): Promise<void> {
    this.redis = spawn(
      'redis-server',
      ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor('the suite’s Redis', async () => {
      const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
      try {
        await redis.connect();
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        redis.disconnect();
      }
    });
  }

  private get kafkaProperties(): string {
    return join(this.dir, 'kafka.properties');
  }

  private get java(): string[] {
    return [
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      `-Dkafka.logs.dir=${join(this.dir, 'kafka-logs')}`,
      `-Dlog4j.configuration=file:${join(ROOT, 'deploy/kafka/log4j.properties')}`,
      '-cp',
      `${KAFKA_LIBS}/*`,
    ];
  }

  private formatKafka(): void {
    const base = readFileSync(join(ROOT, 'deploy/kafka/server.properties'), 'utf8')
      .split('\n')
      .filter(
        (line) => !/^(listeners|advertised\.listeners|controller\.quorum\.voters)=/.test(line),
      );
    writeFileSync(
      this.kafkaProperties,
      [
        ...base,
        `listeners=PLAINTEXT://127.0.0.1:${this.kafkaPort},CONTROLLER://127.0.0.1:${this.controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${this.kafkaPort}`,
        `controller.quorum.voters=1@127.0.0.1:${this.controllerPort}`,
        `log.dirs=${join(this.dir, 'kafka-data')}`,
      ].join('\n'),
    );
    const id = spawnSync('java', [...this.java, 'kafka.tools.StorageTool', 'random-uuid'], {
      encoding: 'utf8',
    }).stdout.trim();
    const formatted = spawnSync(
      'java',
      [...this.java, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', this.kafkaProperties],
      { encoding: 'utf8' },
    );
    if (formatted.status !== 0) {
      throw new Error(
        `Kafka storage format failed (are the jars in ${KAFKA_LIBS}? bash scripts/infra.sh kafka-jars):\n${formatted.stderr}`,
      );
    }
  }

  private async startKafka(): Promise<void> {
    this.kafka = spawn('java', [...this.java, 'kafka.Kafka', this.kafkaProperties], {
      stdio: 'ignore',
    });
    const kafka = createKafka({
      brokers: [this.kafkaBrokers],
      clientId: 'chaos-ready',
      log: () => {},
    });
    await waitFor(
      'the suite’s Kafka broker',
      async () => {
        const admin = kafka.admin({ retry: { retries: 0 } });
        try {
          await admin.connect();
          await admin.describeCluster();
          return true;
        } catch {
          return false;
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) {
    throw new Error('No postgres user to own the suite’s PostgreSQL cluster');
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}
