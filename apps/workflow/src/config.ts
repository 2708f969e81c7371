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
  /** Fire deadlines with BullMQ timers (off only where another instance does it, or in tests of other things). */
  TIMERS_ENABLED: z.stringbool().default(true),
  /** BullMQ's key prefix in Redis, so environments sharing a Redis keep their queues apart. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('bull'),
  /** How often the sweep arms new deadlines and re-arms any Redis lost. */
  TIMER_SWEEP_SECONDS: z.coerce.number().min(0.2).max(3600).default(60),
  /** The consumer group reading membership, meetings, priorities and performance events. */
  CONSUMER_GROUP: z.string().min(1).default('workflow'),
});

export type WorkflowConfig = z.output<typeof workflowConfigSchema>;
