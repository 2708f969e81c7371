import type { DataSource } from 'typeorm';
import { baseConfigSchema, HealthModule, type ReadinessCheck } from '#platform';
import { serviceImports } from './service-imports.js';

/** The names of the checks `/health/ready` runs for a service assembled with these options. */
function readinessChecks(runsJobs?: boolean): string[] {
  const modules = serviceImports({
    configSchema: baseConfigSchema,
    env: { SERVICE_NAME: 'example', DATABASE_SCHEMA: 'example' },
    database: { entities: [], migrations: [] },
    ...(runsJobs !== undefined && { runsJobs }),
  });
  const health = modules.find((module) => module.module === HealthModule);
  const provider = health?.providers?.find(
    (candidate) => typeof candidate === 'object' && 'useFactory' in candidate,
  ) as { useFactory: (dataSource: DataSource) => { checks: ReadinessCheck[] } } | undefined;
  return provider?.useFactory({} as DataSource).checks.map((check) => check.name) ?? [];
}

describe('serviceImports readiness', () => {
  it('checks the database and Kafka', () => {
    expect(readinessChecks()).toEqual(['database', 'kafka']);
  });

  it('checks Redis too where the service runs BullMQ jobs', () => {
    expect(readinessChecks(true)).toEqual(['database', 'kafka', 'redis']);
  });
});
