/**
 * Errors that say the database or network is unavailable, not that the event is bad.
 * Dead-lettering on them would empty a topic into the dead-letter topic during an outage,
 * so the consumer keeps retrying the same message instead.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

export function isTransientInfrastructureError(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) {
      return true;
    }
    const driverError = (cause as { driverError?: unknown }).driverError;
    if (driverError && driverError !== cause && isTransientInfrastructureError(driverError)) {
      return true;
    }
    if (/Connection terminated|Client has encountered a connection error/i.test(cause.message)) {
      return true;
    }
  }
  return false;
}
