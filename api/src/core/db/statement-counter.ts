/**
 * Counts SQL statements per unit of work. A request's EntityManager fork carries a
 * `loggerContext` with a `StatementCounter`; the ORM's logger increments it for every query.
 * Raw statements (`em.execute`) do not take the fork's context: an HTTP request's counter is also
 * its async scope (`countStatementsIn`), which the logger falls back to.
 * This is how tests prove that a page of N items costs a constant number of statements.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { LogContext, Logger as OrmLogger, LoggerNamespace, LoggerOptions } from '@mikro-orm/core';
import type { Logger } from '../log.js';
import { SpanKind } from '@opentelemetry/api';
import { tracing } from '../tracing.js';

/** What a unit of work is: a request, a subscription (its setup and every event it handles). */
export type StatementSource = 'request' | 'subscription';

export class StatementCounter {
  count = 0;
  constructor(
    readonly source: StatementSource = 'request',
    /** For the trace log of statements that carry no context of their own. */
    readonly requestId?: string,
  ) {}
}

const scope = new AsyncLocalStorage<StatementCounter>();
const TRACE_PLATFORM = new PostgreSqlPlatform();

/** Runs `work` (and everything it starts) with `counter` as the counter of statements that name none. */
export const countStatementsIn = <T>(counter: StatementCounter, work: () => T): T => scope.run(counter, work);

/** Runs `work` outside any request's count: statements the platform runs for itself (a rate budget). */
export const platformStatements = <T>(work: () => T): T => scope.exit(work);

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
      const counter = context.statements instanceof StatementCounter ? context.statements : scope.getStore();
      if (counter) counter.count++;
      processStatements[counter ? counter.source : 'background']++;
      const requestId = context.requestId ?? counter?.requestId;
      // A span per statement when tracing is on, timed from what the driver measured.
      const tracer = tracing();
      if (tracer) {
        const end = Date.now();
        const span = tracer.startSpan('db.query', {
          kind: SpanKind.CLIENT,
          startTime: end - (context.took ?? 0),
          attributes: { 'db.system.name': 'postgresql', 'db.query.text': String(context.query ?? '').slice(0, 2000), ...(requestId ? { 'dj.request_id': String(requestId) } : {}) },
        });
        span.end(end);
      }
      // Trace is for explaining a run on one's own data (the bench's EXPLAIN): it carries the parameters.
      if (log.isLevelEnabled('trace')) {
        // Formatted here, where the parameters are still values (raw fragments and identifiers among them).
        const sql = String(context.query ?? '');
        log.trace({ sql, formatted: TRACE_PLATFORM.formatQuery(sql, (context.params ?? []) as unknown[]), took: context.took, requestId }, 'sql');
      }
    },
    setDebugMode() {},
    isEnabled(namespace: LoggerNamespace) {
      return namespace === 'query';
    },
  });
}
