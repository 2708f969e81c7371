/**
 * The services' consumer groups: each service's CONSUMER_GROUP default (apps/<service>/src/
 * config.ts). A deployment that renames one lists them all in KAFKA_CONSUMER_GROUPS.
 * Their dead-letter topics, `<prefix><group>.dead-letter`, are created up front by
 * create-topics.ts and read by dlq.ts.
 */
export const DEFAULT_CONSUMER_GROUPS = ['meetings', 'performance', 'priorities', 'workflow'];

export function consumerGroups(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.KAFKA_CONSUMER_GROUPS?.split(',')
    .map((group) => group.trim())
    .filter((group) => group.length > 0);
  return listed && listed.length > 0 ? listed : DEFAULT_CONSUMER_GROUPS;
}
