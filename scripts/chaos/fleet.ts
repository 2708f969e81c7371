import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceTestEnv, startServiceProcess, type ServiceProcess } from '#testing';
import type { PrivateInfra } from './private-infra.js';

export const SERVICES = [
  'membership',
  'meetings',
  'priorities',
  'performance',
  'workflow',
] as const;
export type Service = (typeof SERVICES)[number];

/** A stretch of time something was down: an instance of one service, or the infrastructure. */
export interface FaultWindow {
  readonly what: string;
  /** The service whose instance went down, or undefined when every service was touched. */
  readonly service: string | undefined;
  readonly from: number;
  readonly to: number;
}

interface Instance {
  readonly service: Service;
  readonly index: number;
  process: ServiceProcess | undefined;
}

/**
 * Several instances of each service as their own processes on the suite's infrastructure,
 * as Kubernetes runs them: one schema per service, shared by its instances, one consumer
 * group per service. Instances are killed with SIGKILL and started again.
 */
export class Fleet {
  private readonly instances: Instance[] = [];
  private readonly restarting = new Set<Promise<void>>();
  kills = 0;
  /** Milliseconds from a kill until the instance answered /health/live again, per kill. */
  readonly recoveries: number[] = [];
  /** Each kill, from the SIGKILL until the instance answered again. */
  readonly downtimes: FaultWindow[] = [];

  constructor(
    private readonly infra: PrivateInfra,
    private readonly identity: { serviceEnv(): Record<string, string> },
    private readonly env: (service: Service) => Record<string, string>,
    private readonly perService: number,
  ) {}

  /** The first instance of each service first (it runs the migrations), then the others. */
  async start(): Promise<void> {
    for (let index = 0; index < this.perService; index += 1) {
      for (const service of SERVICES) {
        const instance: Instance = { service, index, process: undefined };
        instance.process = await startServiceProcess(service, this.envOf(service));
        this.instances.push(instance);
      }
    }
  }

  /** A live instance of `service` to send a request to, round robin. */
  url(service: Service): string {
    const live = this.instances.filter((entry) => entry.service === service && entry.process);
    const chosen = live[Math.floor(Math.random() * live.length)];
    if (!chosen?.process) {
      throw new Error(`No ${service} instance is running`);
    }
    return chosen.process.url;
  }

  /**
   * SIGKILL to a random live instance; the same instance starts again `downMs` later, in the
   * background, so that kills keep their pace while instances come back.
   */
  async killOne(downMs: number): Promise<string> {
    const live = this.instances.filter((entry) => entry.process);
    const victim = live[Math.floor(Math.random() * live.length)]!;
    const killedAt = Date.now();
    await victim.process!.kill();
    this.keepOutput(victim);
    victim.process = undefined;
    this.kills += 1;
    const back = this.restart(victim, downMs).then(() => {
      this.recoveries.push(Date.now() - killedAt);
      this.downtimes.push({
        what: `${victim.service}#${victim.index} killed`,
        service: victim.service,
        from: killedAt,
        to: Date.now(),
      });
      this.restarting.delete(back);
    });
    this.restarting.add(back);
    return `${victim.service}#${victim.index}`;
  }

  /** Until every killed instance is running again. */
  async settle(): Promise<void> {
    while (this.restarting.size > 0) {
      await Promise.all([...this.restarting]);
    }
  }

  /** Started again; a start that fails (the database restarting, say) is tried again. */
  private async restart(instance: Instance, downMs: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, downMs));
    for (let attempt = 1; ; attempt += 1) {
      try {
        instance.process = await startServiceProcess(
          instance.service,
          this.envOf(instance.service),
        );
        return;
      } catch (error) {
        if (attempt >= 5) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  /** Every instance up and answering /health/ready (its database, broker and Redis reached). */
  async allReady(): Promise<boolean> {
    const answers = await Promise.all(
      this.instances.map((entry) =>
        entry.process
          ? fetch(`${entry.process.url}/health/ready`, { signal: AbortSignal.timeout(5000) })
              .then((response) => response.ok)
              .catch(() => false)
          : Promise.resolve(false),
      ),
    );
    return answers.every(Boolean);
  }

  /** SIGKILL to every instance, for an interrupted run. */
  async killAll(): Promise<void> {
    await Promise.all(
      this.instances.map((entry) => (entry.process ? entry.process.kill() : Promise.resolve())),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.instances.map((entry) => (entry.process ? entry.process.stop() : Promise.resolve())),
    );
    this.instances.forEach((entry) => this.keepOutput(entry));
  }

  /** Where each instance's output is kept, one file per instance, every life appended. */
  get logDir(): string {
    return join(this.infra.dir, 'logs');
  }

  /** Every instance's output so far: the lives kept on file and the running ones'. */
  keptOutput(): string {
    const kept = existsSync(this.logDir)
      ? readdirSync(this.logDir).map((file) => readFileSync(join(this.logDir, file), 'utf8'))
      : [];
    return [...kept, ...this.instances.map((entry) => entry.process?.output() ?? '')].join('\n');
  }

  private keepOutput(instance: Instance): void {
    if (!instance.process) {
      return;
    }
    mkdirSync(this.logDir, { recursive: true });
    appendFileSync(
      join(this.logDir, `${instance.service}-${instance.index}.log`),
      `--- ${new Date().toISOString()} ---\n${instance.process.output()}`,
    );
  }

  /** Output of every instance, for a failed run to show. */
  outputs(): string {
    return this.instances
      .map(
        (entry) =>
          `--- ${entry.service}#${entry.index} ---\n${entry.process?.output().slice(-3000) ?? '(down)'}`,
      )
      .join('\n');
  }

  private envOf(service: Service): Record<string, string> {
    return {
      ...serviceTestEnv(service, { schema: service, identity: this.identity }),
      DATABASE_URL: this.infra.databaseUrl,
      KAFKA_BROKERS: this.infra.kafkaBrokers,
      REDIS_URL: this.infra.redisUrl,
      ...this.env(service),
    };
  }
}
