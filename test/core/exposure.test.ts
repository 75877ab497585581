/**
 * The exposure policy over the real endpoint: rate budgets per address, user and API key, shared
 * by two API processes through PostgreSQL; trusted documents by id (and anonymous callers held to
 * them); introspection and suggestions withheld from anonymous callers; the caller's address from
 * trusted proxies only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { documentIdOf, OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { postGraphQL, startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { DEMO, signIn } from '../support/identity.js';
import { runEntry, type Spawned } from '../support/processes.js';

let db: TestDatabase;
const CHEAP = `{ enterprises(first: 1) { nodes { slug } } }`; // costs 3 points

async function raw(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

beforeAll(async () => {
  db = await createTestDatabase('demo');
});
afterAll(async () => {
  await db?.drop();
});

describe('rate budgets', () => {
  let a: TestApi;
  let b: Spawned;
  let bUrl: string;

  beforeAll(async () => {
    const budgets = { RATE_LIMIT_ANONYMOUS: '30', RATE_LIMIT_USER: '45', RATE_LIMIT_API_KEY: '0', RATE_WINDOW_SECONDS: '3600' };
    a = await startTestApi(db.url, budgets);
    const port = await freePort();
    b = runEntry('src/main.ts', { DATABASE_URL: db.url, API_PORT: String(port), LOG_LEVEL: 'info', ...budgets });
    await b.waitFor(/API listening/);
    bUrl = `http://127.0.0.1:${port}/graphql`;
  });
  afterAll(async () => {
    b?.child.kill('SIGTERM');
    await b?.exited;
    await a?.close();
  });

  it('charges each operation its cost, reports what is left, and shares one budget across processes', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    const first = await raw(a.url, { query: CHEAP }, ip);
    expect(first.status).toBe(200);
    expect(first.body.extensions.cost).toMatchObject({ requested: 3, budget: { limit: 30, remaining: 27 } });
    expect(first.headers.get('x-ratelimit-limit')).toBe('30');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('27');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // Alternate between the two processes: 27 points left = 9 more operations, then refused.
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await raw(i % 2 ? bUrl : a.url, { query: CHEAP }, ip)).status);
    expect(codes).toEqual([...Array(9).fill(200), 429]);
    const refused = await raw(bUrl, { query: CHEAP }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', budget: { limit: 30, remaining: 0 } });
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.data).toBeUndefined();
    // Another address has its own budget; the server is healthy.
    expect((await raw(a.url, { query: CHEAP }, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    expect((await fetch(`${a.baseUrl}/readyz`)).status).toBe(200);
  });

  it('an over-limit query costs its points only if it would run (limits first)', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    const huge = await raw(a.url, { query: `{ enterprises(first: 100) { nodes { organizations: rootOrganizations { descendants(first: 100) { nodes { name } } } } } }` }, ip);
    expect(huge.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await raw(a.url, { query: CHEAP }, ip)).body.extensions.cost.budget.remaining).toBe(27);
  });

  it('a signed-in user has a budget of their own, not their address’s', async () => {
    const token = await signIn(a, DEMO.member);
    const auth = { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' }; // the spent address
    const res = await raw(a.url, { query: CHEAP }, auth);
    expect(res.status).toBe(200);
    expect(res.body.extensions.cost.budget.limit).toBe(45);
  });

  it('believes X-Forwarded-For only from trusted proxies', async () => {
    const strict = await startTestApi(db.url, { RATE_LIMIT_ANONYMOUS: '6', TRUST_PROXY: 'false' });
    try {
      // Forged addresses do not buy fresh budgets when the proxy is not trusted.
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await raw(strict.url, { query: CHEAP }, { 'x-forwarded-for': `198.51.100.${i}` })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('trusted documents and anonymous callers in production mode', () => {
  let api: TestApi;
  const portalHome = fs.readFileSync(path.join(OPERATIONS_DIR, 'PortalHome.graphql'), 'utf8');

  const signInDocument = fs.readFileSync(path.join(OPERATIONS_DIR, 'SignIn.graphql'), 'utf8');
  let token: string;

  beforeAll(async () => {
    api = await startTestApi(db.url, { ANONYMOUS_DOCUMENTS: 'trusted', HIDE_SCHEMA_FROM_ANONYMOUS: 'true' });
    // Signing in is itself a trusted document.
    const res = await raw(api.url, { documentId: documentIdOf(signInDocument), operationName: 'SignIn', variables: { input: { login: DEMO.member, password: DEMO_PASSWORD } } });
    token = res.body.data.signIn.token;
    // A session token: the prefix and 32 random bytes in base64url (which has - and _ in it).
    expect(token).toMatch(/^djs_[A-Za-z0-9_-]{43}$/);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs a portal document by id for anyone; refuses other anonymous documents', async () => {
    const byId = await raw(api.url, { documentId: documentIdOf(portalHome), operationName: 'PortalBySlug', variables: { slug: 'huayou' } });
    expect(byId.status).toBe(200);
    expect(byId.body.data.portal.title).toBe('华油集团智慧党建');
    const text = await raw(api.url, { query: portalHome, operationName: 'PortalBySlug', variables: { slug: 'huayou' } });
    expect(text.status).toBe(403);
    expect(text.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await raw(api.url, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Signed-in callers (and API keys) may send their own documents.
    const own = await postGraphQL<any>(api.url, { query: CHEAP }, { authorization: `Bearer ${token}` });
    expect(own.errors).toBeUndefined();
  });

  it('withholds introspection and suggestions from anonymous callers only', async () => {
    const introspect = `{ __schema { queryType { name } } }`;
    const anonymous = await raw(api.url, { query: introspect });
    expect(anonymous.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const signedIn = await postGraphQL<any>(api.url, { query: introspect }, { authorization: `Bearer ${token}` });
    expect(signedIn.data!.__schema.queryType.name).toBe('Query');

    const typo = `{ enterprize(slug: "huayou") { name } }`;
    const hidden = await raw(api.url, { query: typo });
    expect(hidden.body.errors[0].message).not.toMatch(/Did you mean/);
    expect(hidden.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const shown = await postGraphQL<any>(api.url, { query: typo }, { authorization: `Bearer ${token}` });
    expect(shown.errors![0]!.message).toMatch(/Did you mean "enterprise"/);
  });
});

describe('CORS allow-lists per enterprise', () => {
  let api: TestApi;
  let other: Spawned;
  let otherUrl: string;

  beforeAll(async () => {
    api = await startTestApi(db.url);
    const port = await freePort();
    other = runEntry('src/main.ts', { DATABASE_URL: db.url, API_PORT: String(port), LOG_LEVEL: 'info' });
    await other.waitFor(/API listening/);
    otherUrl = `http://127.0.0.1:${port}/graphql`;
  });
  afterAll(async () => {
    other?.child.kill('SIGTERM');
    await other?.exited;
    await api?.close();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('answers only the origins an enterprise allowed, on every process, as soon as they change', async () => {
    const app = 'https://dangjian-app.huayou-energy.example';
    expect((await preflight(api.url, app)).status).toBe(403);
    const token = await signIn(api, DEMO.groupAdmin);
    const id = (await db.query<{ id: number }>(`select id from enterprise where slug = 'huayou'`))[0]!.id;
    const set = (origins: string[], who = token) =>
      postGraphQL<any>(api.url, { query: `mutation($e: ID!, $o: [String!]!) { enterpriseAllowedOriginsSet(enterpriseId: $e, origins: $o) { enterprise { allowedOrigins } userErrors { code field } } }`, variables: { e: Buffer.from(`Enterprise:${id}`).toString('base64url'), o: origins } }, { authorization: `Bearer ${who}` });
    // Not an origin; not an admin of this enterprise.
    expect((await set(['https://x.example/path'])).data!.enterpriseAllowedOriginsSet.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'origins'] }]);
    expect((await set([app], await signIn(api, DEMO.plantAdmin))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await set([`${app}/`, app.toUpperCase()])).data!.enterpriseAllowedOriginsSet.enterprise.allowedOrigins).toEqual([app]);

    // Both processes follow at once (the change is announced on the event bus).
    for (const url of [api.url, otherUrl]) {
      let res = await preflight(url, app);
      for (let i = 0; i < 20 && res.status !== 204; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await preflight(url, app);
      }
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(app);
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    }
    const actual = await fetch(api.url, { method: 'POST', headers: { origin: app, 'content-type': 'application/json' }, body: JSON.stringify({ query: CHEAP }) });
    expect(actual.headers.get('access-control-allow-origin')).toBe(app);
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-ratelimit-remaining');
    // Another origin gets nothing to go on.
    const evil = await fetch(api.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: CHEAP }) });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(api.url, 'https://evil.example')).status).toBe(403);
    // Members do not see the list.
    const member = await postGraphQL<any>(api.url, { query: `{ enterprise(slug: "huayou") { allowedOrigins } }` }, { authorization: `Bearer ${await signIn(api, DEMO.member)}` });
    expect(member.data!.enterprise.allowedOrigins).toBeNull();
  });
});
