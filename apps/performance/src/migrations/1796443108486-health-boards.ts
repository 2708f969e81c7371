import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * The health boards of the West of Scotland Cancer Network, preloaded; other boards and
 * networks are added, and these edited, through PUT /health-boards/:boardCode.
 */
const WOSCAN_BOARDS: readonly (readonly [string, string])[] = [
  ['S08000015', 'NHS Ayrshire and Arran'],
  ['S08000019', 'NHS Forth Valley'],
  ['S08000031', 'NHS Greater Glasgow and Clyde'],
  ['S08000032', 'NHS Lanarkshire'],
];

export class HealthBoards1796443108486 implements MigrationInterface {
  name = 'HealthBoards1796443108486';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}"."health_board" ("board_code" character varying(9) NOT NULL, "name" character varying(200), "network_code" character varying(20), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d3ec803f86abbae4a60ba92ff61" PRIMARY KEY ("board_code"))`,
    );
    for (const [boardCode, name] of WOSCAN_BOARDS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."health_board" (board_code, name, network_code) VALUES ($1, $2, 'WOSCAN')`,
        [boardCode, name],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // The boards' links stay, as admins' mappings of providers (as before boards were mapped).
    await queryRunner.query(`UPDATE "${s}"."provider" SET source = 'admin' WHERE source = 'board'`);
    await queryRunner.query(`DROP TABLE "${s}"."health_board"`);
  }
}
