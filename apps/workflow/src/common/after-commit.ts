import type { EntityManager } from 'typeorm';

/** Work that may only start once a transaction has committed: arming timers, sending notifications. */
export type AfterCommitChannel = 'timers' | 'notifications';

const keyOf = (channel: AfterCommitChannel) => `afterCommit:${channel}`;

/**
 * Notes an id (a case whose timers changed, a notification to send) for after this
 * transaction commits; the channel's owner takes it in its afterTransactionCommit subscriber.
 * Kept on the query runner's user data, which TypeORM hands to subscribers at commit, so a
 * rollback simply forgets it. A sweep catches whatever a crash between the two loses.
 */
export function afterCommit(manager: EntityManager, channel: AfterCommitChannel, id: string): void {
  const data = manager.queryRunner?.data;
  if (!data) {
    return;
  }
  const ids = (data[keyOf(channel)] as Set<string> | undefined) ?? new Set<string>();
  ids.add(id);
  data[keyOf(channel)] = ids;
}

/** The ids a committed transaction noted for a channel, taken once. */
export function takeAfterCommit(
  data: Record<string, unknown>,
  channel: AfterCommitChannel,
): string[] {
  const ids = data[keyOf(channel)] as Set<string> | undefined;
  delete data[keyOf(channel)];
  return ids ? [...ids] : [];
}
