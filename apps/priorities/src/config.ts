import { z } from 'zod';
import { baseConfigSchema } from '#platform';

export const prioritiesConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('priorities'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('priorities'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  MIGRATE_ON_BOOT: z.stringbool().default(true),
  /** How far ahead a pathway review falling due is announced. */
  REVIEW_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  DAILY_CHECK_CRON: z.string().min(9).default('0 6 * * *'),
  DAILY_CHECK_ENABLED: z.stringbool().default(true),
  /** The consumer group keeping the membership read model. */
  CONSUMER_GROUP: z.string().min(1).default('priorities'),
});

export type PrioritiesConfig = z.output<typeof prioritiesConfigSchema>;
