/**
 * Prometheus metrics of an API process (prom-client), served at GET /metrics on the API port to
 * whoever bears METRICS_TOKEN (without it the endpoint does not exist): requests and their latency
 * by GraphQL operation, GraphQL errors by code (RATE_LIMITED among them: the rate-budget refusals),
 * SQL statements per request, the database pool, open WebSockets and subscriptions, and the job
 * queue's depth and failures (read from PostgreSQL when scraped, so every process reports the same).
 */
import { timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processStatements } from '../db/statement-counter.js';

/** Operation names come from clients: a bounded set keeps the series bounded. */
const MAX_OPERATION_NAMES = 200;

export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'method' | 'status' | 'operation'>;
  duration: Histogram<'operation'>;
  statements: Histogram<'operation'>;
  graphqlErrors: Counter<'code'>;
  websockets: Gauge;
  subscriptions: Gauge;
  /** The label for an operation name: itself, or `other` once the set is full; `-` for none. */
  operationLabel(name: string | undefined): string;
}

export function createMetrics(orm: MikroORM): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dj_' });
  const names = new Set<string>();
  const pool = async () => (await orm.em.getConnection().getNativeClient()) as unknown as { totalCount: number; idleCount: number; waitingCount: number };
  new Gauge({
    name: 'dj_db_pool_connections',
    help: 'Database connections of this process by state: total, idle, waiting (clients queued for one).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const p = await pool();
      this.set({ state: 'total' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  new Gauge({
    name: 'dj_job_queue_jobs',
    help: 'Jobs of the PostgreSQL job queue (pg-boss) by queue and state: waiting (created, retry), active, failed.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await orm.em
        .fork()
        .execute<{ name: string; state: string; n: number }[]>(
          `select name, state::text, count(*)::int as n from pgboss.job where to_regclass('pgboss.job') is not null and state in ('created', 'retry', 'active', 'failed') group by 1, 2`,
        )
        .catch(() => []);
      for (const r of rows) this.set({ queue: r.name, state: r.state }, r.n);
    },
  });
  new Counter({
    name: 'dj_sql_statements_total',
    help: 'SQL statements this process ran through the ORM, by source: request, subscription (setup and events), background (jobs, schedules).',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, count] of Object.entries(processStatements)) this.inc({ source }, count);
    },
  });
  return {
    registry,
    requests: new Counter({ name: 'dj_http_requests_total', help: 'HTTP requests by method, status and GraphQL operation name.', labelNames: ['method', 'status', 'operation'], registers: [registry] }),
    duration: new Histogram({
      name: 'dj_http_request_duration_seconds',
      help: 'HTTP request latency by GraphQL operation name.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    statements: new Histogram({ name: 'dj_sql_statements_per_request', help: 'SQL statements a request ran, by GraphQL operation name.', labelNames: ['operation'], buckets: [0, 1, 2, 4, 8, 16, 32, 64], registers: [registry] }),
    graphqlErrors: new Counter({ name: 'dj_graphql_errors_total', help: 'GraphQL errors returned, by code (RATE_LIMITED: rate-budget refusals).', labelNames: ['code'], registers: [registry] }),
    websockets: new Gauge({ name: 'dj_websocket_connections', help: 'Open GraphQL WebSocket connections.', registers: [registry] }),
    subscriptions: new Gauge({ name: 'dj_subscriptions', help: 'Running GraphQL subscriptions.', registers: [registry] }),
    operationLabel(name) {
      if (!name) return '-';
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES) return 'other';
      names.add(name);
      return name;
    },
  };
}

/** GET /metrics: the exposition for whoever bears the token (compared in constant time). */
export function metricsHandler(metrics: ApiMetrics, token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (req: Request, res: Response) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.status(401).json({ errors: [{ message: 'Bearer METRICS_TOKEN required.', extensions: { code: 'UNAUTHENTICATED' } }] });
    res.setHeader('content-type', metrics.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
