import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

const BY = 'reference-data:cadence-deadlines';

/** Version 1's level deadlines, which this version replaces only where they are still in force. */
export const VERSION_1_LEVELS = {
  group: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
  cag: { acknowledgeDays: 5, tableDays: 15, resolveDays: 30 },
  board: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
};

/** The levels this version publishes. */
export const CADENCE_LEVELS = {
  group: { ...VERSION_1_LEVELS.group, resolveDays: 75 },
  cag: { ...VERSION_1_LEVELS.cag, resolveDays: 95 },
  board: { ...VERSION_1_LEVELS.board, resolveDays: 55 },
};

/**
 * Resolve deadlines that reach each body's next regular meeting, now that a case's item always
 * goes on that meeting (the chair being asked for a chair's action when it is after the tabling
 * deadline). Version 1 assumed a monthly CAG; network groups meet quarterly and CAGs three or
 * four times a year, so 40 and 30 working days sent 43% of a group's cases and 59-68% of a
 * CAG's up the ladder before the body's meeting (`npm run policy:cadence`,
 * docs/escalation-policy.md). Resolve: group 75 working days (a quarterly cycle needs 68),
 * CAG 95 (three a year needs 90), Board 55 (bimonthly needs 48): the longest wait for the next
 * meeting and about a week to record its decision. Acknowledge and table stay.
 * Published as the next version, a copy of the newest with only the levels changed, and only
 * while the newest still has version 1's levels: deadlines an alliance chose are its own.
 */
export class CadenceDeadlines1796505700000 implements MigrationInterface {
  name = 'CadenceDeadlines1796505700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `INSERT INTO "${s}"."policy_version" (version, policy, created_by)
       SELECT version + 1,
              jsonb_set(jsonb_set(policy, '{version}', to_jsonb(version + 1)), '{levels}', $2::jsonb),
              $1
         FROM "${s}"."policy_version"
        WHERE version = (SELECT max(version) FROM "${s}"."policy_version")
          AND policy -> 'levels' = $3::jsonb`,
      [BY, JSON.stringify(CADENCE_LEVELS), JSON.stringify(VERSION_1_LEVELS)],
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
