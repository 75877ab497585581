/**
 * One exposure policy on both transports, in production mode: who is anonymous is decided by the
 * authenticated identity (a Cookie header naming no valid session is anonymous, over HTTP and
 * WebSocket alike); anonymous callers run trusted documents only, get no introspection and no
 * suggestions; one caller has one rate budget whatever the transport; automatic persisted
 * queries are typed client errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIdOf, OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { postGraphQL, startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { DEMO, signIn } from '../support/identity.js';

let db: TestDatabase;
let api: TestApi;
const live = fs.readFileSync(path.join(OPERATIONS_DIR, 'PortalLive.graphql'), 'utf8');
const LIVE_ID = documentIdOf(live);
const ANY_QUERY = `{ enterprises(first: 3) { nodes { slug } } viewer { kind } }`; // costs 6
const INTROSPECTION = `{ __schema { types { name } } }`;
const TYPO = `{ enterprize(slug: "huayou") { name } }`;
const UNTRUSTED_SUBSCRIPTION = `subscription { contentPublished(portalSlug: "huayou") { __typename } }`;
const JUNK_COOKIES = ['x=1', 'dj_session=junk', ';', 'dj_session=djs_0000000000000000000000000000000000000000000'];

beforeAll(async () => {
  db = await createTestDatabase('demo');
  api = await startTestApi(db.url, { NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS: '1000', RATE_LIMIT_USER: '1000', RATE_WINDOW_SECONDS: '3600' });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

/** A graphql-ws client whose upgrade request carries `headers` (e.g. a Cookie). */
function socket(headers: Record<string, string> = {}, connectionParams: Record<string, unknown> = {}): Client {
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return createClient({ url: api.url.replace(/^http/, 'ws'), webSocketImpl: WithHeaders, retryAttempts: 0, lazy: true, connectionParams });
}

/** The first result (or the errors) of one operation over a socket. */
function once(client: Client, payload: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(payload as { query: string }, {
      next: (value) => {
        stop();
        resolve(value as { data?: any; errors?: any[] });
      },
      error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error), extensions: { code: 'SOCKET_ERROR' } }] }),
      complete: () => resolve({}),
    });
  });
}
const codeOf = (result: { errors?: any[] }) => result.errors?.[0]?.extensions?.code;

describe('anonymous callers over WebSocket in production', () => {
  for (const cookie of JUNK_COOKIES) {
    it(`with "Cookie: ${cookie}" are anonymous: no documents of their own, no introspection, no suggestions`, async () => {
      const client = socket({ cookie });
      try {
        const anyQuery = await once(client, { query: ANY_QUERY });
        expect(anyQuery.data ?? null).toBeNull();
        expect(codeOf(anyQuery)).toBe('FORBIDDEN');
        const schema = await once(client, { query: INTROSPECTION });
        expect(schema.data ?? null).toBeNull();
        expect(codeOf(schema)).toBe('FORBIDDEN');
        const typo = await once(client, { query: TYPO });
        expect(codeOf(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
        const subscription = await once(client, { query: UNTRUSTED_SUBSCRIPTION });
        expect(codeOf(subscription)).toBe('FORBIDDEN');
      } finally {
        await client.dispose();
      }
      // The same cookies over HTTP: the same refusal.
      const http = await postGraphQL<any>(api.url, { query: ANY_QUERY }, { cookie });
      expect(http.status).toBe(403);
      expect(http.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  }

  it('may subscribe with a trusted document sent by id, and receive what they may read', async () => {
    const client = socket({ cookie: 'x=1' });
    const events: any[] = [];
    const errors: unknown[] = [];
    client.subscribe({ query: '', documentId: LIVE_ID, operationName: 'PortalPublished', variables: { slug: 'huayou-caiyou1', kinds: ['NEWS'] } } as { query: string }, {
      next: (value) => (value.errors ? errors.push(value.errors) : events.push(value.data)),
      error: (error) => errors.push(error),
      complete: () => {},
    });
    await new Promise((r) => setTimeout(r, 300));
    const editor = await signIn(api, DEMO.branchEditor);
    const reviewer = await signIn(api, DEMO.plantReviewer);
    const branch = (await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id;
    const as = (token: string, query: string, variables: Record<string, unknown>) => postGraphQL<any>(api.url, { query, variables }, { authorization: `Bearer ${token}` });
    const created = await as(editor, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, {
      i: { organizationId: Buffer.from(`Organization:${branch}`).toString('base64url'), title: '采油一队开展主题党日活动', bodyHtml: '<p>全体党员参加。</p>' },
    });
    const id = created.data!.newsCreate.newsArticle.id;
    await as(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    await as(reviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
    for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await client.dispose();
    expect(errors).toEqual([]);
    expect(events).toEqual([{ contentPublished: expect.objectContaining({ __typename: 'NewsArticle', id, title: '采油一队开展主题党日活动' }) }]);
  });

  it('an unknown document id is PERSISTED_QUERY_NOT_FOUND', async () => {
    const client = socket();
    try {
      expect(codeOf(await once(client, { query: '', documentId: `sha256:${'0'.repeat(64)}` }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('signed-in callers may send their own documents over the socket, and see the schema', async () => {
    const token = await signIn(api, DEMO.member);
    const client = socket({}, { authorization: `Bearer ${token}` });
    try {
      const result = await once(client, { query: ANY_QUERY });
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer.kind).toBe('USER');
      expect((await once(client, { query: INTROSPECTION })).data.__schema.types.length).toBeGreaterThan(50);
      expect((await once(client, { query: TYPO })).errors![0].message).toMatch(/Did you mean "enterprise"/);
    } finally {
      await client.dispose();
    }
  });

  it('a bearer token that is not valid is UNAUTHENTICATED over the socket, as over HTTP', async () => {
    const client = socket({}, { authorization: 'Bearer djs_notatoken' });
    try {
      expect(codeOf(await once(client, { query: ANY_QUERY }))).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });
});

describe('one budget per caller across transports', () => {
  it('a signed-in user’s HTTP and WebSocket operations draw on one budget', async () => {
    const token = await signIn(api, DEMO.plantAdmin);
    const http = await postGraphQL<any>(api.url, { query: ANY_QUERY }, { authorization: `Bearer ${token}` });
    const afterHttp = JSON.parse(http.raw).extensions.cost.budget.remaining;
    const client = socket({}, { authorization: `Bearer ${token}` });
    try {
      await once(client, { query: ANY_QUERY });
    } finally {
      await client.dispose();
    }
    const again = await postGraphQL<any>(api.url, { query: ANY_QUERY }, { authorization: `Bearer ${token}` });
    const remaining = JSON.parse(again.raw).extensions.cost.budget.remaining;
    // 6 points per operation: the socket's operation came out of the same budget.
    expect(afterHttp - remaining).toBe(12);
  });

  it('an anonymous address has one budget across transports too', async () => {
    const portal = fs.readFileSync(path.join(OPERATIONS_DIR, 'PortalHome.graphql'), 'utf8');
    const byId = { documentId: documentIdOf(portal), operationName: 'PortalBySlug', variables: { slug: 'huayou' } };
    // no-cache: a cached answer (production turns the response cache on) is not charged.
    const headers = { 'x-forwarded-for': '203.0.113.77', 'cache-control': 'no-cache' };
    const first = JSON.parse((await postGraphQL<any>(api.url, byId, headers)).raw).extensions.cost;
    const client = socket(headers);
    try {
      expect((await once(client, { query: '', ...byId })).data.portal.title).toBe('华油集团智慧党建');
    } finally {
      await client.dispose();
    }
    const third = JSON.parse((await postGraphQL<any>(api.url, byId, headers)).raw).extensions.cost;
    expect(first.budget.remaining - third.budget.remaining).toBe(2 * first.requested);
  });
});

describe('automatic persisted queries', () => {
  it('are typed client errors, whatever the hash or the shape of the extension', async () => {
    const shapes = [
      { query: ANY_QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'wrong' } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      { query: ANY_QUERY, extensions: { persistedQuery: 'yes' } },
      { query: ANY_QUERY, extensions: { persistedQuery: { version: 2 } } },
    ];
    const token = await signIn(api, DEMO.member);
    for (const body of shapes) {
      const res = await postGraphQL<any>(api.url, body, { authorization: `Bearer ${token}` });
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(['PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_USER_INPUT', 'BAD_REQUEST']).toContain(res.errors?.[0]?.extensions?.code);
    }
  });
});
