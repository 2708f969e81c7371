import { z } from 'zod';
import { baseConfigSchema } from '#platform';

export const workflowConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('workflow'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('workflow'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3005),
  MIGRATE_ON_BOOT: z.stringbool().default(true),
  /** The consumer group reading membership, meetings, priorities and performance events. */
  CONSUMER_GROUP: z.string().min(1).default('workflow'),
});

export type WorkflowConfig = z.output<typeof workflowConfigSchema>;
