import type { NotifyAudience } from './audience.js';
import type { NotificationChannel } from './notification.entity.js';

/** What makes a notice one: the case, the history entry that caused it, who and how. */
export interface NoticeKeyParts {
  readonly caseId: string;
  readonly sequence: number;
  readonly audience: NotifyAudience;
  readonly memberId: string;
  readonly channel: NotificationChannel;
}

/** The notification's dedup key: unique, so a cause processed twice is planned once. */
export function noticeKey(parts: NoticeKeyParts): string {
  return `${parts.caseId}:${parts.sequence}:${parts.audience}:${parts.memberId}:${parts.channel}`;
}

/** What makes a notice about a body (no case) one: its cause, who and how. */
export interface BodyNoticeKeyParts {
  readonly cause: string;
  readonly audience: NotifyAudience;
  readonly memberId: string;
  readonly channel: NotificationChannel;
}

/** The dedup key of a notice about a body; its cause holds no colon, so it names no sequence. */
export function bodyNoticeKey(parts: BodyNoticeKeyParts): string {
  if (parts.cause.includes(':')) {
    throw new RangeError(`A notice's cause holds no colon: "${parts.cause}"`);
  }
  return `${parts.cause}:${parts.audience}:${parts.memberId}:${parts.channel}`;
}

/** The history entry a notification was planned for, or null for a key of another shape. */
export function sequenceOfNoticeKey(key: string): number | null {
  const sequence = /^[^:]+:(\d+):/.exec(key)?.[1];
  return sequence === undefined ? null : Number(sequence);
}
