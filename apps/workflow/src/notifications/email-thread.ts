import type { Notification } from './notification.entity.js';
import { sequenceOfNoticeKey } from './notice-key.js';

/**
 * Every e-mail about a case in one thread, per person. The case's first e-mail to someone (the
 * one its opening caused) has a Message-ID derived from the case and the person, so every later
 * one can name it in In-Reply-To and References with no lookup; every other e-mail's Message-ID
 * is its notification's id, the same on each retry, so a mail system can recognise a repeat.
 */
export interface ThreadHeaders {
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references?: string;
}

/** The domain of the sender's address ("Name <a@b.org>" or "a@b.org"), for Message-IDs. */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : 'cancer-network.invalid';
}

/** The Message-ID of the first e-mail about `caseId` to `memberId`. */
export function caseThreadRoot(caseId: string, memberId: string, domain: string): string {
  return `<case-${caseId}.${memberId}@${domain}>`;
}

export function threadHeaders(
  notification: Pick<Notification, 'id' | 'caseId' | 'memberId' | 'dedupKey'>,
  domain: string,
): ThreadHeaders {
  const own = `<${notification.id}@${domain}>`;
  if (!notification.caseId) {
    return { messageId: own };
  }
  const root = caseThreadRoot(notification.caseId, notification.memberId, domain);
  if (sequenceOfNoticeKey(notification.dedupKey) === 1) {
    return { messageId: root };
  }
  return { messageId: own, inReplyTo: root, references: root };
}
