import type { EntityManager } from 'typeorm';
import { CaseDeadline } from './case-deadline.entity.js';
import type { CaseCommand } from './case-commands.js';
import type { EscalationCase } from './escalation-case.entity.js';

/**
 * The command that asks the holding body's chair for a chair's action or an extraordinary
 * meeting, saying why and by when: the level's resolve deadline, after which the case goes up a
 * level (or is overdue at the Board) if neither comes.
 */
export async function askChairsAction(
  manager: EntityManager,
  escalation: EscalationCase,
  why: string,
): Promise<CaseCommand> {
  const resolve = await manager.findOneBy(CaseDeadline, {
    caseId: escalation.id,
    level: escalation.level,
    kind: 'resolve',
  });
  const by =
    resolve && !resolve.settledAt ? ` by ${resolve.dueOn}, the resolve deadline at this level` : '';
  return {
    type: 'askChairsAction',
    reason: `${why}: the chair is asked for a chair's action or an extraordinary meeting${by}`,
  };
}

/** An extreme case cannot wait for the next meeting: the chair is asked at once. */
export function extremeAsksChair(
  manager: EntityManager,
  escalation: EscalationCase,
): Promise<CaseCommand> {
  return askChairsAction(
    manager,
    escalation,
    'The case is of extreme severity and cannot wait for the next meeting',
  );
}
