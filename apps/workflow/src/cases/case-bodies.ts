import type { EntityManager } from 'typeorm';
import { BodyView } from '#membership-view';
import { NotKnownYetError } from '#platform';
import type { Trigger } from '../policy/triggers.js';

/**
 * The bodies a case stands at, from the service's copy of membership: where a trigger opens it
 * and where it goes up to. A body not known yet throws NotKnownYetError, so the event consumer
 * parks the event until membership's event about it arrives.
 */

/** The body a trigger opens its case at: the body it names, or its alliance's CAG or Board. */
export async function openingBody(manager: EntityManager, trigger: Trigger): Promise<BodyView> {
  const source = trigger.bodyId ? await manager.findOneBy(BodyView, { id: trigger.bodyId }) : null;
  if (trigger.level === 'body') {
    if (!source) {
      throw new NotKnownYetError(`Body ${trigger.bodyId} is not known yet`, {
        waitsFor: `body:${trigger.bodyId}`,
      });
    }
    return source;
  }
  const allianceId =
    source?.allianceId ??
    (typeof trigger.evidence['allianceId'] === 'string' ? trigger.evidence['allianceId'] : null);
  const kind = trigger.level === 'cag' ? 'clinical-advisory-group' : 'alliance-board';
  const body = allianceId ? await manager.findOneBy(BodyView, { allianceId, kind }) : null;
  if (!body) {
    throw new NotKnownYetError(
      `No ${kind} is known for alliance ${allianceId ?? '(unknown)'}`,
      allianceId ? { waitsFor: `alliance:${allianceId}:${kind}` } : {},
    );
  }
  return body;
}

/** The body a case escalates to from `bodyId`. */
export async function parentOf(manager: EntityManager, bodyId: string): Promise<BodyView> {
  const body = await manager.findOneBy(BodyView, { id: bodyId });
  const parent = body?.parentBodyId
    ? await manager.findOneBy(BodyView, { id: body.parentBodyId })
    : null;
  if (!parent) {
    throw new NotKnownYetError(`Body ${bodyId} has no known escalation parent`, {
      waitsFor: body?.parentBodyId ? `body:${body.parentBodyId}` : `body:${bodyId}`,
    });
  }
  return parent;
}
