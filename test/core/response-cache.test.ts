/**
 * The response cache for anonymous portal reads (api/src/core/http/response-cache.ts): a repeated
 * anonymous trusted query is served from memory; a publication shows on the very next anonymous
 * request, in this API process and in another one; edits made with plain SQL (themes, titles) are
 * seen through the tables' triggers; signed-in callers, API keys and `no-cache` requests never get
 * a cached answer, and a member's internal items never reach an anonymous one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { documentIdOf, OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { postGraphQL } from '../support/api.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { runEntry, type Spawned } from '../support/processes.js';

const { db, api, as, tokens } = useSuite({ actors: ['branchEditor', 'plantReviewer', 'member'], env: { RESPONSE_CACHE_ENTRIES: '1000' } });
const { branchEditor, plantReviewer } = as;

const FEED = fs.readFileSync(path.join(OPERATIONS_DIR, 'PortalFeed.graphql'), 'utf8');
const SURVEYS = fs.readFileSync(path.join(OPERATIONS_DIR, 'Surveys.graphql'), 'utf8');
const feed = (url: string, organizationId: string, headers: Record<string, string> = {}) =>
  postGraphQL<{ news: { nodes: { title: string }[] } }>(url, { documentId: documentIdOf(FEED), operationName: 'PortalFeed', variables: { organizationId } }, headers);
const titles = (res: { data?: { news: { nodes: { title: string }[] } } | null }) => res.data!.news.nodes.map((n) => n.title);

let other: Spawned | undefined;
afterAll(() => {
  if (other && other.child.exitCode === null) other.child.kill('SIGKILL');
});

async function publish(title: string, visibility = 'PUBLIC'): Promise<string> {
  const branch = gid('Organization', await orgId(db, '采油一队党支部'));
  const created = await expectOk(branchEditor, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, { i: { organizationId: branch, title, bodyHtml: '<p>正文。</p>', visibility } });
  const id = created.newsCreate.newsArticle.id as string;
  await expectOk(branchEditor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
  await expectOk(plantReviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
  return id;
}

describe('the response cache', () => {
  it('answers a repeated anonymous portal query from memory, the same data without the first request’s extensions', async () => {
    const root = gid('Organization', await orgId(db, '第一采油厂党委'));
    const first = await feed(api.url, root);
    const second = await feed(api.url, root);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.data).toEqual(first.data);
    expect(JSON.parse(second.raw).extensions).toBeUndefined(); // no cost or budget of another request
    // A mutation that changes nothing public (a member's inbox) keeps the answers.
    await postGraphQL(api.url, { query: 'mutation { notificationMarkAllRead { __typename } }' }, { authorization: `Bearer ${tokens.member}` });
    expect((await feed(api.url, root)).headers.get('x-cache')).toBe('HIT');
    // Not for signed-in callers, nor when asked not to; never for queries not marked cacheable.
    expect((await feed(api.url, root, { authorization: `Bearer ${tokens.member}` })).headers.get('x-cache')).toBeNull();
    expect((await feed(api.url, root, { 'cache-control': 'no-cache' })).headers.get('x-cache')).toBeNull();
    const survey = await postGraphQL(api.url, { documentId: documentIdOf(SURVEYS), operationName: 'PortalSurveys', variables: { slug: 'huayou' } });
    expect(survey.headers.get('x-cache')).toBe('MISS');
    const page = await postGraphQL(api.url, { documentId: documentIdOf(SURVEYS), operationName: 'SurveyPage', variables: { id: gid('Survey', 1) } });
    expect(page.headers.get('x-cache')).toBeNull(); // a one-time form token is never shared
  });

  it('shows a publication on the very next anonymous request, and never a member’s internal item', async () => {
    const root = gid('Organization', await orgId(db, '第一采油厂党委'));
    await feed(api.url, root);
    expect((await feed(api.url, root)).headers.get('x-cache')).toBe('HIT');
    await publish('缓存测试：公开的支部动态');
    await publish('缓存测试：仅本企业可见的动态', 'ENTERPRISE');
    const next = await feed(api.url, root);
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(titles(next)).toContain('缓存测试：公开的支部动态');
    // A member reads the internal item; the anonymous answer, cached again, still has none of it.
    const signedIn = await feed(api.url, root, { authorization: `Bearer ${tokens.member}` });
    expect(titles(signedIn)).toContain('缓存测试：仅本企业可见的动态');
    const anonymous = await feed(api.url, root);
    expect(anonymous.headers.get('x-cache')).toBe('HIT');
    expect(titles(anonymous)).not.toContain('缓存测试：仅本企业可见的动态');
  });

  it('drops answers on writes made outside GraphQL, through the tables’ triggers', async () => {
    const root = gid('Organization', await orgId(db, '第一采油厂党委'));
    const before = await feed(api.url, root);
    expect(titles(before)).toContain('缓存测试：公开的支部动态');
    expect((await feed(api.url, root)).headers.get('x-cache')).toBe('HIT');
    await db.query(`update content set title = '缓存测试：改过标题的动态' where title = '缓存测试：公开的支部动态'`);
    const end = Date.now() + 2_000;
    let after = await feed(api.url, root);
    while (!titles(after).includes('缓存测试：改过标题的动态') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      after = await feed(api.url, root);
    }
    expect(titles(after)).toContain('缓存测试：改过标题的动态');
    // A view being counted is not a change of what pages show: the answer stays cached.
    expect((await feed(api.url, root)).headers.get('x-cache')).toBe('HIT');
    await db.query(`update content set view_count = view_count + 1 where title = '缓存测试：改过标题的动态'`);
    await new Promise((r) => setTimeout(r, 300));
    expect((await feed(api.url, root)).headers.get('x-cache')).toBe('HIT');
  });

  it('invalidates another API process too', async () => {
    const port = await freePort();
    other = runEntry('src/main.ts', { DATABASE_URL: db.url, API_PORT: String(port), RESPONSE_CACHE_ENTRIES: '1000', REMINDER_INTERVAL_MS: '3600000', LOG_LEVEL: 'info' });
    await other.waitFor(/API listening/);
    const otherUrl = `http://127.0.0.1:${port}/graphql`;
    const root = gid('Organization', await orgId(db, '第一采油厂党委'));
    await feed(otherUrl, root);
    expect((await feed(otherUrl, root)).headers.get('x-cache')).toBe('HIT');
    await publish('缓存测试：另一个进程也看得到');
    // The other process hears of it through LISTEN/NOTIFY (milliseconds); it must not keep the old answer.
    const end = Date.now() + 2_000;
    let next = await feed(otherUrl, root);
    while (!titles(next).includes('缓存测试：另一个进程也看得到') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      next = await feed(otherUrl, root);
    }
    expect(titles(next)).toContain('缓存测试：另一个进程也看得到');
  });
});
