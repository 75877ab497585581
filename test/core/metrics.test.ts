/**
 * GET /metrics: Prometheus text for whoever bears METRICS_TOKEN (nothing without it), counting
 * requests and latency by operation, GraphQL errors by code, SQL per request, the database pool,
 * open WebSockets and subscriptions, and the job queue.
 */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { collect } from '../support/subscriptions.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const { api, as, tokens } = useSuite({ env: { METRICS_TOKEN: TOKEN }, actors: ['plantAdmin'] });
const { anonymous, plantAdmin } = as;

const scrape = async (token?: string) => fetch(`${api.baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
/** The value of a series, e.g. `dj_subscriptions` or `dj_graphql_errors_total{code="BAD_USER_INPUT"}`. */
const valueOf = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? NaN);

describe('metrics', () => {
  it('answer only the bearer of the token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong')).status).toBe(401);
    const res = await scrape(TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('count requests by operation, errors by code, SQL per request, the pool, sockets, subscriptions and the queue', async () => {
    await anonymous(`query ViewerProbe { viewer { kind } }`);
    await anonymous(`query Broken { nothingHere }`);
    const sub = await collect(api.url, `subscription { notificationReceived { id } }`, {}, tokens.plantAdmin);
    await plantAdmin(`{ viewer { kind } }`);
    const text = await (await scrape(TOKEN)).text();
    expect(valueOf(text, 'dj_http_requests_total{method="POST",status="200",operation="ViewerProbe"}')).toBe(1);
    expect(text).toMatch(/dj_http_request_duration_seconds_bucket\{le="[\d.]+",operation="ViewerProbe"\} 1/);
    expect(valueOf(text, 'dj_sql_statements_per_request_count{operation="ViewerProbe"}')).toBe(1);
    expect(valueOf(text, 'dj_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    // In all, by source (a subscription's own are what its events cost: the bench's fan-out reads them).
    expect(valueOf(text, 'dj_sql_statements_total{source="request"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'dj_sql_statements_total{source="subscription"}')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'dj_sql_statements_total{source="background"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'dj_websocket_connections')).toBe(1);
    expect(valueOf(text, 'dj_subscriptions')).toBe(1);
    expect(valueOf(text, 'dj_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE dj_job_queue_jobs gauge');
    await sub.dispose();
    // The socket closes, and its subscription completes with it.
    let after = '';
    for (let i = 0; i < 50; i++) {
      after = await (await scrape(TOKEN)).text();
      if (valueOf(after, 'dj_websocket_connections') === 0 && valueOf(after, 'dj_subscriptions') === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect([valueOf(after, 'dj_websocket_connections'), valueOf(after, 'dj_subscriptions')]).toEqual([0, 0]);
  });
});
