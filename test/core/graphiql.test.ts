/**
 * The offline GraphiQL: a browser's GET /graphql gets the IDE from the API's own bundle (no CDN) —
 * Chromium with every host but 127.0.0.1 blocked still loads it and runs a query; with an API key
 * pasted, the query runs as the key. JSON clients' GET is left to the GraphQL server as before.
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/core/config.js';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { startTestApi } from '../support/api.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid } from '../support/identity.js';

const { api, as, db } = useSuite({ actors: ['groupAdmin'] });
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A page that may reach 127.0.0.1 only: anything else (a CDN, fonts) is aborted and recorded. */
async function offlinePage() {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return { page: await context.newPage(), blocked, context };
}

describe('GraphiQL, offline', () => {
  it('serves the IDE to a browser from the API’s own assets and runs a query with no other host reachable', async () => {
    const { page, blocked, context } = await offlinePage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = '{ enterprises(first: 5) { totalCount nodes { name } } }';
    await page.goto(`${api.url}?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toContain('华油能源集团有限公司');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(REPO_ROOT, 'test', '.artifacts', 'graphiql-offline.png') });
    await context.close();
  }, 90_000);

  it('runs a query as an API key pasted into the page', async () => {
    const made = await expectOk(as.groupAdmin, `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { key userErrors { code } } }`, {
      i: { enterpriseId: gid('Enterprise', 1), name: 'GraphiQL 测试', scopes: ['PUBLIC_READ'] },
    });
    const { page, blocked, context } = await offlinePage();
    await page.goto(`${api.url}?query=${encodeURIComponent('{ viewer { kind } }')}`);
    await page.locator('#api-key').fill(made.apiClientCreate.key);
    await page.locator('#api-key').press('Enter');
    await page.locator('#api-key').dispatchEvent('change');
    await page.waitForLoadState('load');
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toContain('API_CLIENT');
    expect(blocked).toEqual([]);
    await context.close();
  }, 90_000);

  it('in production, hides the schema from visitors until they sign in through the page', async () => {
    const production = await startTestApi(db.url, { NODE_ENV: 'production' });
    try {
      const { page, blocked, context } = await offlinePage();
      await page.goto(`${production.url}?query=${encodeURIComponent('{ viewer { kind user { displayName } } }')}`);
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      // A visitor's own document is refused (trusted documents only) — and no schema to browse.
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toMatch(/PERSISTED_QUERY_NOT_FOUND|trusted|FORBIDDEN|not allowed/i);
      await page.locator('#sign-in input[name=login]').fill('admin@huayou.example');
      await page.locator('#sign-in input[name=password]').fill(DEMO_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.locator('#sign-in button').click()]);
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toContain('USER');
      expect(blocked).toEqual([]);
      await context.close();
    } finally {
      await production.close();
    }
  }, 90_000);

  it('leaves GET requests of JSON clients to the GraphQL server', async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(((await res.json()) as { data: { __typename: string } }).data.__typename).toBe('Query');
    const asset = await fetch(new URL('/graphiql/graphiql.js', api.url));
    expect(asset.status).toBe(200);
  });
});
