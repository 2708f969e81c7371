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
  /**
   * Caps on one CSV import (POST /imports): its bytes (413 past them), its rows and columns (422),
   * and the seconds it may take to arrive (408). A national month is a few MB; raise
   * them to import a national year in one file.
   */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 2 ** 20),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().positive().default(100),
  IMPORT_MAX_SECONDS: z.coerce.number().positive().default(120),
});

export type PerformanceConfig = z.output<typeof performanceConfigSchema>;
