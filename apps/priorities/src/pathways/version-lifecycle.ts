import type { PATHWAY_VERSION_STATUSES } from './pathway-version.entity.js';

export type VersionStatus = (typeof PATHWAY_VERSION_STATUSES)[number];

/**
 * A pathway version's life: drafted, out to consultation, approved by clinical consensus,
 * published, and superseded when the next version is published. One step at a time.
 */
const NEXT: Record<VersionStatus, VersionStatus | null> = {
  draft: 'consultation',
  consultation: 'approved',
  approved: 'published',
  published: 'superseded',
  superseded: null,
};

export function versionTransitionProblem(
  version: string,
  from: VersionStatus,
  to: VersionStatus,
): string | undefined {
  if (NEXT[from] === to) {
    return undefined;
  }
  if (to === 'published') {
    return `Version ${version} is ${from}: a version is published once approved by clinical consensus`;
  }
  return `Version ${version} is ${from}: it goes to ${to} from ${Object.entries(NEXT).find(([, next]) => next === to)?.[0] ?? 'nowhere'}`;
}

/** Publishing `next` supersedes the version published before it, if any. */
export function supersession(published: { id: string; status: VersionStatus } | null): {
  supersedesVersionId: string | null;
} {
  if (published && published.status !== 'published') {
    throw new Error(`Only a published version is superseded (this one is ${published.status})`);
  }
  return { supersedesVersionId: published?.id ?? null };
}
