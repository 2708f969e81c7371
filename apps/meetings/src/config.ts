import { z } from 'zod';
import { baseConfigSchema } from '#platform';

export const meetingsConfigSchema = baseConfigSchema
  .extend({
    SERVICE_NAME: z.string().min(1).default('meetings'),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('meetings'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    MIGRATE_ON_BOOT: z.stringbool().default(true),
    /** When overdue actions and minutes are announced (cron, UK time); off leaves it to the admin endpoint. */
    DAILY_CHECK_CRON: z.string().min(9).default('0 6 * * *'),
    DAILY_CHECK_ENABLED: z.stringbool().default(true),
    /** Days after a held meeting by which its draft minutes are due; the daily check reminds after. */
    MINUTES_DUE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** The consumer group reading membership and workflow events. */
    CONSUMER_GROUP: z.string().min(1).default('meetings'),
    /**
     * Where calendar apps reach this service (calendar subscription URLs start with it).
     * Unset: http://127.0.0.1:<PORT>, outside production only.
     */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  })
  .refine((config) => config.NODE_ENV !== 'production' || config.PUBLIC_URL !== undefined, {
    path: ['PUBLIC_URL'],
    message: 'required in production: the address calendar apps reach this service at',
  });

export type MeetingsConfig = z.output<typeof meetingsConfigSchema>;
