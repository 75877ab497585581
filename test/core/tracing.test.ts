/**
 * Tracing with an in-memory exporter: an HTTP request is a span carrying the request id, its
 * GraphQL operation a span inside it, and every SQL statement a span inside that trace.
 */
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { enableTracing } from '../../api/src/core/tracing.js';
import { useSuite } from '../support/fixture.js';

// Before the suite's API starts: the process traces into memory (OTLP needs a collector).
const exporter = new InMemorySpanExporter();
enableTracing([new SimpleSpanProcessor({ exporter })]);
const { api } = useSuite();

describe('tracing', () => {
  it('nests the GraphQL operation and its SQL statements under the request, with the request id', async () => {
    exporter.reset();
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-test-0001' },
      body: JSON.stringify({ query: 'query TraceProbe { portal(slug: \"huayou\") { slug } }', operationName: 'TraceProbe' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.attributes['dj.request_id'] === 'trace-test-0001' && s.name === 'POST /graphql');
    expect(request?.attributes).toMatchObject({ 'http.response.status_code': 200, 'graphql.operation.name': 'TraceProbe' });
    const trace = spans.filter((s) => s.spanContext().traceId === request!.spanContext().traceId);
    const operation = trace.find((s) => s.name === 'graphql.operation');
    expect(operation?.attributes).toMatchObject({ 'graphql.operation.name': 'TraceProbe', 'graphql.operation.type': 'query', 'dj.request_id': 'trace-test-0001' });
    expect(operation?.parentSpanContext?.spanId).toBe(request!.spanContext().spanId);
    const queries = trace.filter((s) => s.name === 'db.query');
    expect(queries.length).toBeGreaterThanOrEqual(1);
    expect(queries.some((q) => String(q.attributes['db.query.text']).includes('portal'))).toBe(true);
    expect(queries.every((q) => q.attributes['dj.request_id'] === 'trace-test-0001')).toBe(true);
  });
});
