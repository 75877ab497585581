/** Operations of the API process over real HTTP and WebSocket: health, errors, logs, shutdown. */
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase('demo');
  api = await startTestApi(db.url);
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const noStack = (raw: string) => expect(raw).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);

describe('health and readiness', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${api.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports not ready (503) when its database is gone, while /healthz stays up', async () => {
    const doomed = await createTestDatabase('empty');
    const other = await startTestApi(doomed.url);
    try {
      expect((await fetch(`${other.baseUrl}/readyz`)).status).toBe(200);
      await doomed.drop();
      const ready = await fetch(`${other.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect((await fetch(`${other.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('bad requests get typed errors, never a stack trace', () => {
  it('malformed JSON → 400 BAD_REQUEST', async () => {
    const res = await postGraphQL(api.url, '{"query": "{ enterprises(first: 1) { totalCount } }"');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    noStack(res.raw);
  });

  it('a body over 1 MB → 413 BAD_REQUEST', async () => {
    const res = await postGraphQL(api.url, { query: `{ enterprises(first: 1) { totalCount } }`, variables: { pad: '党'.repeat(400_000) } });
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    noStack(res.raw);
  });

  it('unparseable GraphQL → GRAPHQL_PARSE_FAILED; an unknown field → GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await api.gql('{ enterprises(first: 1) { ');
    expect(parse.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await api.gql('{ enterprises(first: 1) { secretField } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    noStack(parse.raw + invalid.raw);
  });

  it('a variable of the wrong type → BAD_USER_INPUT', async () => {
    const res = await api.gql('query($n: Int!) { enterprises(first: $n) { totalCount } }', { n: 'many' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown path → 404 NOT_FOUND as JSON', async () => {
    const res = await fetch(`${api.baseUrl}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('internal errors are masked and logged with the request id', () => {
  it('hides a database failure from the client and logs the real cause', async () => {
    await db.query('alter table enterprise rename to enterprise_moved');
    try {
      const res = await api.gql('query Enterprises { enterprises(first: 5) { totalCount nodes { name } } }');
      expect(res.status).toBe(200);
      const [error] = res.errors!;
      const requestId = res.headers.get('x-request-id');
      expect(error).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
      expect(Object.keys(error!.extensions!).sort()).toEqual(['code', 'requestId']);
      expect(res.raw).not.toMatch(/relation|does not exist|select |enterprise_moved/i);
      noStack(res.raw);
      const logged = api.logs.find((l) => l.requestId === requestId && l.level === 50);
      expect(logged?.err?.message).toMatch(/relation "enterprise" does not exist/);
    } finally {
      await db.query('alter table enterprise_moved rename to enterprise');
    }
  });
});

describe('request ids and access logs', () => {
  it('echoes a sane incoming x-request-id, replaces an unsafe one, and logs the operation', async () => {
    const mine = await api.gql('query PortalTitles { portal(slug: "jiangchuan") { title } }', {}, { 'x-request-id': 'trace-0123456789' });
    expect(mine.headers.get('x-request-id')).toBe('trace-0123456789');
    const unsafe = await api.gql('{ portal(slug: "jiangchuan") { title } }', {}, { 'x-request-id': 'bad id <script>' });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 20));
    const line = api.logs.find((l) => l.requestId === 'trace-0123456789' && l.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'PortalTitles', statements: 1 });
    expect(typeof line!.durationMs).toBe('number');
  });
});

describe('WebSocket and graceful shutdown', () => {
  it('runs a query over graphql-ws on the same path', async () => {
    const client = createClient({ url: api.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const result = await new Promise<any>((resolve, reject) => {
        let value: unknown;
        client.subscribe({ query: '{ portal(slug: "huayou") { title enterprise { shortName } } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
      });
      expect(result).toEqual({ data: { portal: { title: '华油集团智慧党建', enterprise: { shortName: '华油集团' } } } });
    } finally {
      await client.dispose();
    }
  });

  it('finishes in-flight requests, closes WebSockets with 1001, then refuses new connections', async () => {
    const own = await createTestDatabase('demo');
    const server = await startTestApi(own.url);
    const socketClosed = new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.on('connected', () => {});
    });
    // Hold a lock so a request is provably in flight when shutdown starts.
    const locker = new pg.Client({ connectionString: own.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table portal in access exclusive mode');
    await new Promise((r) => setTimeout(r, 100)); // let the WebSocket connect
    const inFlight = server.gql('{ portal(slug: "jiangchuan") { title } }');
    await new Promise((r) => setTimeout(r, 150));
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false); // still waiting for the request
    await locker.query('commit');
    await locker.end();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ portal: { title: '江川供电党建' } });
    await closing;
    expect(await socketClosed).toBe(1001);
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    await own.drop();
  });
});
