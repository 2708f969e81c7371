import type { EntityManager } from 'typeorm';

const KEY = 'workflowTimersChanged';

/**
 * Marks a case's timers as changed in this transaction; once it commits, the timer service
 * arms the new deadlines and removes the cancelled ones (see DeadlineTimers). Kept on the
 * query runner's user data, which TypeORM hands to subscribers at commit.
 */
export function timersChanged(manager: EntityManager, caseId: string): void {
  const data = manager.queryRunner?.data;
  if (!data) {
    return;
  }
  const cases = (data[KEY] as Set<string> | undefined) ?? new Set<string>();
  cases.add(caseId);
  data[KEY] = cases;
}

/** The cases whose timers a committed transaction changed, taken once. */
export function takeChangedTimers(data: Record<string, unknown>): string[] {
  const cases = data[KEY] as Set<string> | undefined;
  delete data[KEY];
  return cases ? [...cases] : [];
}
