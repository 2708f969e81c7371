import type { Admin } from 'kafkajs';

/** Where a consumer group stands on one partition, against the partition's ends. */
export interface GroupPosition {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** The group's committed offset: the next message it will read; -1 before its first commit. */
  readonly committed: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Every group's position on every partition of the topics it has committed on, each topic's
 * ends read once. A partition the broker gives no ends for is left out.
 */
export async function groupPositions(
  admin: Admin,
  groups: readonly string[],
): Promise<GroupPosition[]> {
  const ends = new Map<string, Map<number, { low: number; high: number }>>();
  const positions: GroupPosition[] = [];
  for (const group of groups) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
      if (!ends.has(topic)) {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends.set(
          topic,
          new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }])),
        );
      }
      for (const { partition, offset } of partitions) {
        const end = ends.get(topic)!.get(partition);
        if (end) {
          positions.push({ group, topic, partition, committed: Number(offset), ...end });
        }
      }
    }
  }
  return positions;
}
