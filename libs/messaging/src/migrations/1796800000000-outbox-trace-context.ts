import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The W3C trace context of the work that wrote an outbox row, so the relay sends the event to
 * Kafka in the same trace (`traceparent`, `tracestate` headers). Empty while tracing is off.
 */
export class OutboxTraceContext1796800000000 implements MigrationInterface {
  name = 'OutboxTraceContext1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."outbox_message" ADD "trace_parent" varchar(55), ADD "trace_state" varchar(512)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."outbox_message" DROP COLUMN "trace_state", DROP COLUMN "trace_parent"`,
    );
  }
}
