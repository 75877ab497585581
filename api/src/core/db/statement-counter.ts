/**
 * Counts SQL statements per unit of work. A request's EntityManager fork carries a
 * `loggerContext` with a `StatementCounter`; the ORM's logger increments it for every query.
 * This is how tests prove that a page of N items costs a constant number of statements.
 */
import type { LogContext, Logger as OrmLogger, LoggerNamespace, LoggerOptions } from '@mikro-orm/core';
import type { Logger } from '../log.js';
import { SpanKind } from '@opentelemetry/api';
import { tracing } from '../tracing.js';

/** What a unit of work is: a request, a subscription (its setup and every event it handles). */
export type StatementSource = 'request' | 'subscription';

export class StatementCounter {
  count = 0;
  constructor(readonly source: StatementSource = 'request') {}
}

/** Every statement this process ran, by source — `background` for work outside both (jobs, schedules): for /metrics and the bench. */
export const processStatements: Record<StatementSource | 'background', number> = { request: 0, subscription: 0, background: 0 };

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
      processStatements[counter instanceof StatementCounter ? counter.source : 'background']++;
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
