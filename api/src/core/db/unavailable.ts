/**
 * Is this error the database being unreachable (down, restarting, refusing connections), rather
 * than a fault of the request or a bug? Such errors become SERVICE_UNAVAILABLE (HTTP 503 with
 * Retry-After), so clients and load balancers can tell an outage from a bug.
 */

/** Socket errors of the driver, and PostgreSQL's SQLSTATEs for "not now" (classes 08, 57P, 53300). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SQLSTATE = /^(08...|57P0[1-4]|53300)$/;
const MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client was closed/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, name, cause, originalError } = error as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (name === 'ConnectionException') return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}
