import { z } from 'zod';
import { baseConfigSchema } from '#platform';

export const membershipConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('membership'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('membership'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Apply pending migrations at boot; production runs `npm run migration:run` as a step. */
  MIGRATE_ON_BOOT: z.stringbool().default(true),
  /** How far ahead "term ending soon" is announced. */
  TERM_ENDING_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /** When the daily check runs (cron, UK time); off leaves it to the admin endpoint. */
  DAILY_CHECK_CRON: z.string().min(9).default('0 6 * * *'),
  DAILY_CHECK_ENABLED: z.stringbool().default(true),
  /**
   * Link a member's first sign-in by a verified e-mail address matching their record. Unset:
   * on outside production, off in production (where an admin links accounts, or it is turned
   * on for an identity provider whose verified addresses are trusted).
   */
  LINK_BY_EMAIL: z.stringbool().optional(),
});

export type MembershipConfig = z.output<typeof membershipConfigSchema>;
