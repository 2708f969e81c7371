/**
 * Kafka's answers that no retry will change, about the message itself: too large for the
 * broker, a record or batch it refuses, a topic name it will never accept. Anything else (a
 * broker down, a leader moving, a producer shutting down, an authorization or configuration
 * fault that is no one message's doing) is passing, or not the message's fault, and the
 * message is tried again.
 */
const PERMANENT_REJECTIONS: ReadonlyMap<string, number> = new Map([
  ['MESSAGE_TOO_LARGE', 10],
  ['INVALID_TOPIC_EXCEPTION', 17],
  ['RECORD_LIST_TOO_LARGE', 18],
  ['INVALID_RECORD', 87],
]);
const PERMANENT_CODES = new Set(PERMANENT_REJECTIONS.values());

interface KafkaErrorShape {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

/**
 * Why Kafka refused a message for good (`MESSAGE_TOO_LARGE: …`), or undefined when the failure
 * may pass. kafkajs wraps the broker's error (KafkaJSNonRetriableError, its `cause`), so the
 * whole chain is looked at.
 */
export function permanentRejection(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { type, code, message, cause } = current as KafkaErrorShape;
    const known =
      (typeof type === 'string' && PERMANENT_REJECTIONS.has(type)) ||
      (typeof code === 'number' && PERMANENT_CODES.has(code));
    if (known) {
      return `${typeof type === 'string' ? type : `code ${String(code)}`}: ${String(message)}`;
    }
    current = cause;
  }
  return undefined;
}
