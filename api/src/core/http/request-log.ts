/**
 * Request ids and access logs. Each HTTP request gets an id (a sane incoming `x-request-id`, or a
 * new UUID), echoed in the response header and on every log line of the request; one JSON line is
 * logged when the response finishes, with the GraphQL operation name, duration and SQL count.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../graphql/context.js';
import { countStatementsIn, StatementCounter } from '../db/statement-counter.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { ErrorCode, isClientError, RETRY_AFTER_OUTAGE_SECONDS } from '../graphql/errors.js';
import { admit, mayHearSuggestions, OPEN_POLICY, withoutSuggestions, type ExposurePolicy } from './exposure.js';
import type { Logger } from '../log.js';
import type { ApiMetrics } from './metrics.js';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { tracing, withSpan } from '../tracing.js';

export interface RequestLocals {
  requestId: string;
  /** The id of the trusted document the request ran, if it sent one. */
  trustedDocument?: string;
  /** Set for GraphQL requests, so the access log can report the operation and its SQL count. */
  graphql?: Context;
  /** Counts statements from the start, authentication included, even if the context fails. */
  statements?: StatementCounter;
  /** Shown the GraphQL answer before it is sent (the response cache keeps anonymous ones). */
  onAnswer?: (status: number, body: string) => void;
}

export const locals = (res: Response) => res.locals as RequestLocals;

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export function requestIds() {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    locals(res).requestId = requestId;
    res.setHeader('x-request-id', requestId);
    // The request's statements are counted from here, raw ones included (see statement-counter.ts).
    const statements = new StatementCounter('request', requestId);
    locals(res).statements = statements;
    countStatementsIn(statements, next);
  };
}

export function accessLog(log: Logger, metrics?: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // With tracing on, the request is a span, and everything it runs nests under it.
    const tracer = tracing();
    const span = tracer?.startSpan(`${req.method} ${req.path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path, 'dj.request_id': locals(res).requestId } });
    res.on('finish', () => {
      if (span) {
        span.setAttribute('http.response.status_code', res.statusCode);
        const name = locals(res).graphql?.operation.name;
        if (name) span.setAttribute('graphql.operation.name', name);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      const path = req.originalUrl.split('?')[0];
      if (path === '/healthz' || path === '/readyz' || path === '/metrics') return;
      if (metrics) {
        const operation = metrics.operationLabel(locals(res).graphql?.operation.name);
        metrics.requests.inc({ method: req.method, status: String(res.statusCode), operation });
        metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        const statements = locals(res).statements?.count;
        if (statements !== undefined) metrics.statements.observe({ operation }, statements);
      }
      log.info(
        {
          requestId: locals(res).requestId,
          method: req.method,
          path,
          status: res.statusCode,
          operationName: locals(res).graphql?.operation.name,
          trustedDocument: locals(res).trustedDocument,
          ip: req.ip,
          statements: locals(res).statements?.count,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    if (span) withSpan(span, next);
    else next();
  };
}

/**
 * Apollo plugin: records the operation name and statement count for the access log, logs internal
 * errors with the request id, and adds that id to the masked errors the client receives.
 */
export function graphqlRequestPlugin(log: Logger, policy: ExposurePolicy = OPEN_POLICY, metrics?: ApiMetrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const span = tracing()?.startSpan('graphql.operation', { attributes: { 'dj.request_id': contextValue.requestId } });
      return {
        async didResolveOperation({ operationName, schema, document, operation, request }) {
          contextValue.operation.name = operationName ?? undefined;
          span?.setAttributes({ 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': operation?.operation ?? '' });
          // Limits, then what this caller may run at all, then its rate budget: the same admission
          // as over WebSocket. A refusal is the client's doing: never a 5xx.
          await admit(policy, contextValue, schema, document, operation, request.variables ?? {});
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isDatabaseUnavailable(original)) log.warn({ err: original, requestId: contextValue.requestId }, 'database unavailable');
            else if (!isClientError(original)) {
              log.error({ err: original, requestId: contextValue.requestId, path: error.path }, 'internal error in a GraphQL request');
            }
          }
        },
        async willSendResponse({ response }) {
          if (span) {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            if (errors.length) span.setAttribute('graphql.error.codes', errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')));
            span.end();
          }
          const cost = contextValue.operation.cost;
          if (cost) {
            response.http.headers.set('x-query-cost', String(cost.requested));
            response.http.headers.set('x-query-cost-limit', String(cost.limit));
          }
          if (response.body.kind !== 'single') return;
          const budget = contextValue.operation.budget;
          if (budget) {
            response.http.headers.set('x-ratelimit-limit', String(budget.limit));
            response.http.headers.set('x-ratelimit-remaining', String(budget.remaining));
            response.http.headers.set('x-ratelimit-reset', String(Math.ceil(budget.resetAt.getTime() / 1000)));
          }
          if (cost) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { ...cost, ...(budget ? { budget: { ...budget, resetAt: budget.resetAt.toISOString() } } : {}) } };
          if (!mayHearSuggestions(policy, contextValue)) {
            for (const error of response.body.singleResult.errors ?? []) (error as { message: string }).message = withoutSuggestions(error.message);
          }
          for (const error of response.body.singleResult.errors ?? []) {
            metrics?.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
            // A database outage mid-operation: 503 with Retry-After, so clients and balancers back off.
            if (error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) {
              response.http.status = 503;
              response.http.headers.set('retry-after', String(RETRY_AFTER_OUTAGE_SECONDS));
            }
          }
        },
      };
    },
  };
}
