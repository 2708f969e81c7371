import { z } from 'zod';
import { baseConfigSchema } from '#platform';

export const performanceConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('performance'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('performance'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  MIGRATE_ON_BOOT: z.stringbool().default(true),
  /** The consumer group keeping alliances, providers and network groups from membership. */
  CONSUMER_GROUP: z.string().min(1).default('performance'),
});

export type PerformanceConfig = z.output<typeof performanceConfigSchema>;
