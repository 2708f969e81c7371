import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

const BY = 'reference-data:service-gap-thresholds';

/**
 * Service gaps open a case from risk 8 (the NHS matrix's "high" band) at the group and from 15
 * ("extreme") at the Clinical Advisory Group, where version 1 said 15 and 20. Published as the
 * next policy version, a copy of the newest with only these two values changed, and only while
 * the newest still has version 1's 15 and 20: thresholds an alliance chose are its own. Open
 * cases keep the version they opened under.
 */
export class ServiceGapThresholds1796441600000 implements MigrationInterface {
  name = 'ServiceGapThresholds1796441600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `INSERT INTO "${s}"."policy_version" (version, policy, created_by)
       SELECT version + 1,
              jsonb_set(jsonb_set(policy, '{version}', to_jsonb(version + 1)),
                        '{triggers,serviceGap}', '{"openAt": 8, "cagAt": 15}'::jsonb),
              $1
         FROM "${s}"."policy_version"
        WHERE version = (SELECT max(version) FROM "${s}"."policy_version")
          AND policy #> '{triggers,serviceGap}' = '{"openAt": 15, "cagAt": 20}'::jsonb`,
      [BY],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // Only while no version was published after it.
    await queryRunner.query(
      `DELETE FROM "${s}"."policy_version"
        WHERE created_by = $1 AND version = (SELECT max(version) FROM "${s}"."policy_version")`,
      [BY],
    );
  }
}
