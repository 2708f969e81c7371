import type { EntityManager } from 'typeorm';
import type { Measure } from '#contracts';
import { invalidField, UnprocessableError } from '#platform';
import { AllianceRef } from '../reference/alliance-ref.entity.js';
import { Standard } from './standard.entity.js';

/**
 * A target's or trajectory's scope must name something real: the measure's nation, or a known
 * alliance of that nation (a tumour site is any lower-case specialty).
 */
export async function checkMeasureScope(
  manager: EntityManager,
  dto: { measure: Measure; scopeKind: string; scopeValue: string },
): Promise<void> {
  const standard = await manager.findOneBy(Standard, { code: dto.measure });
  if (!standard) {
    throw new UnprocessableError(`No standard ${dto.measure}`);
  }
  if (dto.scopeKind === 'nation' && dto.scopeValue !== standard.nation) {
    throw invalidField('scopeValue', `${dto.measure} is a standard of ${standard.nation}`);
  }
  if (dto.scopeKind === 'alliance') {
    const alliance = /^[0-9a-f-]{36}$/.test(dto.scopeValue)
      ? await manager.findOneBy(AllianceRef, { id: dto.scopeValue })
      : null;
    if (!alliance) {
      throw invalidField('scopeValue', `no alliance ${dto.scopeValue} is known`);
    }
    if (alliance.nation !== standard.nation) {
      throw invalidField('scopeValue', `${alliance.code} is not in ${standard.nation}`);
    }
  }
}
