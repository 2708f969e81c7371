import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotKnownYetError, schemaOf } from '#platform';
import { rowErrors } from '../common/unprocessable-rows.error.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { SCOTLAND } from '../import/phs-layout.js';
import { AllianceRef } from './alliance-ref.entity.js';
import { linkBoard } from './health-board-links.js';
import { HealthBoard } from './health-board.entity.js';
import type { HealthBoardView, MapHealthBoardDto } from './reference.dto.js';

/** A board code as Public Health Scotland writes it: `S08000031`. */
const BOARD_CODE = /^S\d{8}$/;

/**
 * Scotland's health boards and the regional network each counts towards. An edit links the
 * board's figures already imported to the network at once; `POST /detection/run` then judges
 * them there.
 */
@Injectable()
export class HealthBoardsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  // Not paged: Scotland has fourteen health boards.
  async boards(): Promise<HealthBoardView[]> {
    return viewsOf(this.dataSource.manager);
  }

  async mapBoard(boardCode: string, dto: MapHealthBoardDto): Promise<HealthBoardView> {
    const code = boardCode.trim().toUpperCase();
    if (!BOARD_CODE.test(code) || code === SCOTLAND) {
      throw rowErrors([
        {
          field: 'boardCode',
          messages: [
            code === SCOTLAND
              ? `${SCOTLAND} is Scotland as a whole, not a health board`
              : `invalid board code "${boardCode}" (as S08000031)`,
          ],
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const alliance = dto.networkCode
        ? await manager.findOneBy(AllianceRef, { code: dto.networkCode })
        : null;
      if (dto.networkCode && !alliance) {
        throw new NotKnownYetError(
          `Network ${dto.networkCode} not found: membership has announced no alliance with that code`,
        );
      }
      const existing = await manager.findOneBy(HealthBoard, { boardCode: code });
      await manager.upsert(
        HealthBoard,
        { boardCode: code, name: dto.name ?? existing?.name ?? null, networkCode: dto.networkCode },
        ['boardCode'],
      );
      await linkBoard(
        (sql, parameters) => manager.query(sql, parameters),
        schemaOf(manager.connection),
        code,
      );
      await this.events.audit(manager, {
        action: 'performance.health-board-mapped',
        changes: { boardCode: code, ...dto },
        targets: [code, ...(alliance ? [alliance.id] : [])],
      });
      const [view] = await viewsOf(manager, code);
      return view!;
    });
  }
}

/** The boards (or one) with the alliance their network's code names. */
async function viewsOf(manager: EntityManager, boardCode?: string): Promise<HealthBoardView[]> {
  const s = schemaOf(manager.connection);
  return manager.query<HealthBoardView[]>(
    `SELECT b.board_code AS "boardCode", b.name, b.network_code AS "networkCode", a.id AS "allianceId"
       FROM "${s}".health_board b LEFT JOIN "${s}".alliance_ref a ON a.code = b.network_code
      WHERE $1::text IS NULL OR b.board_code = $1
      ORDER BY b.board_code`,
    [boardCode ?? null],
  );
}
