/**
 * Counts SQL statements per unit of work. A request's EntityManager fork carries a
 * `loggerContext` with a `StatementCounter`; the ORM's logger increments it for every query.
 * This is how tests prove that a page of N items costs a constant number of statements.
 */
import type { LogContext, Logger as OrmLogger, LoggerNamespace, LoggerOptions } from '@mikro-orm/core';
import type { Logger } from '../log.js';
import { SpanKind } from '@opentelemetry/api';
import { tracing } from '../tracing.js';

export class StatementCounter {
  count = 0;
}

/** Every statement this process ran, requests or not (subscriptions, jobs): for /metrics and the bench. */
export const processStatements = new StatementCounter();

export function createOrmLogger(log: Logger) {
  return (_options: LoggerOptions): OrmLogger => ({
    log(namespace, message) {
      log.debug({ namespace }, message);
    },
    error(namespace, message) {
      log.error({ namespace }, message);
    },
    warn(namespace, message) {
      log.warn({ namespace }, message);
    },
    logQuery(context: LogContext) {
      const counter = context.statements;
      if (counter instanceof StatementCounter) counter.count++;
      processStatements.count++;
      // A span per statement when tracing is on, timed from what the driver measured.
      const tracer = tracing();
      if (tracer) {
        const end = Date.now();
        const span = tracer.startSpan('db.query', {
          kind: SpanKind.CLIENT,
          startTime: end - (context.took ?? 0),
          attributes: { 'db.system.name': 'postgresql', 'db.query.text': String(context.query ?? '').slice(0, 2000), ...(context.requestId ? { 'dj.request_id': String(context.requestId) } : {}) },
        });
        span.end(end);
      }
      // Trace is for explaining a run on one's own data (the bench's EXPLAIN): it carries the parameters.
      if (log.isLevelEnabled('trace')) log.trace({ sql: context.query, params: context.params, took: context.took, requestId: context.requestId }, 'sql');
    },
    setDebugMode() {},
    isEnabled(namespace: LoggerNamespace) {
      return namespace === 'query';
    },
  });
}
