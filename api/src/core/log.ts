/** Structured JSON logs (pino). Request-scoped children carry the request id. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'dangjian-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials, even when a whole request or config object slips into a log call.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'databaseUrl'],
  });
}
