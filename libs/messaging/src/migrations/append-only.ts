import type { QueryRunner } from 'typeorm';

/**
 * Makes a table append-only at the database: UPDATE, DELETE and TRUNCATE are refused whoever
 * the writer is, by the `refuse_change` trigger function the audit log's migration made in the
 * schema (so a migration using this runs after AuditLog1796416110021).
 */
export async function makeAppendOnly(
  queryRunner: QueryRunner,
  schema: string,
  table: string,
): Promise<void> {
  await queryRunner.query(`
    CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${schema}"."${table}"
    FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_change"()`);
  await queryRunner.query(`
    CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${schema}"."${table}"
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."refuse_change"()`);
}
