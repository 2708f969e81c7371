import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BODY_KINDS } from '#contracts';
import { notFound } from '#platform';
import { Alliance } from '../alliances/alliance.entity.js';
import { Body } from './body.entity.js';
import { rungsAbove } from './escalation-ladder.js';
import type { PublicBodyDetailDto, PublicBodyDto } from './public-bodies.dto.js';

// Groups first, then the CAG, then the Board: the ladder read from the bottom. Built from the
// closed list of kinds, so nothing a caller sends reaches the SQL.
const UP_THE_LADDER = `CASE b.kind ${BODY_KINDS.map((kind) => `WHEN '${kind}' THEN ${rungsAbove(kind)}`).join(' ')} END`;

/** Bodies as the public reads them, without signing in: what they are and where they sit. */
@Injectable()
export class PublicBodiesService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Not paged: an alliance has a couple of dozen bodies, the nations a few hundred in all.
  async list(): Promise<PublicBodyDto[]> {
    return this.dataSource.manager
      .createQueryBuilder(Body, 'b')
      .innerJoin(Alliance, 'a', 'a.id = b.allianceId')
      .select('b.id', 'id')
      .addSelect('b.name', 'name')
      .addSelect('b.kind', 'kind')
      .addSelect('b.allianceId', 'allianceId')
      .addSelect('a.name', 'allianceName')
      .addSelect('b.parentBodyId', 'parentBodyId')
      .orderBy('a.name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .addOrderBy(UP_THE_LADDER, 'DESC')
      .addOrderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getRawMany<PublicBodyDto>();
  }

  async get(id: string): Promise<PublicBodyDetailDto> {
    const body = await this.dataSource.manager.findOne(Body, {
      where: { id },
      relations: { alliance: true },
    });
    if (!body?.alliance) {
      throw notFound('Body', id);
    }
    return {
      id: body.id,
      name: body.name,
      kind: body.kind,
      allianceId: body.allianceId,
      allianceName: body.alliance.name,
      parentBodyId: body.parentBodyId,
      guidance: body.guidance.map(({ title, url }) => ({ title, url })),
    };
  }
}
