/**
 * Live updates across API processes: a subscriber on one process, writes on another (a real
 * child process), events through PostgreSQL LISTEN/NOTIFY, each re-checked for its subscriber.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { postGraphQL, startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { DEMO, gid, orgId, signIn } from '../support/identity.js';
import { runEntry, type Spawned } from '../support/processes.js';
import { collect, type Collector } from '../support/subscriptions.js';

let db: TestDatabase;
let a: TestApi; // subscribers connect here
let b: Spawned; // writes go here
let bUrl: string;
const tokens = {} as Record<'editor' | 'reviewer' | 'member' | 'refineryAdmin' | 'plantAdmin', string>;
const subs: Collector[] = [];

beforeAll(async () => {
  db = await createTestDatabase('demo');
  a = await startTestApi(db.url, { SCHEDULER_INTERVAL_MS: '200' });
  const port = await freePort();
  b = runEntry('src/main.ts', { DATABASE_URL: db.url, API_PORT: String(port), SCHEDULER_INTERVAL_MS: '200', LOG_LEVEL: 'info' });
  await b.waitFor(/API listening/);
  bUrl = `http://127.0.0.1:${port}/graphql`;
  tokens.editor = await signIn(a, DEMO.branchEditor);
  tokens.reviewer = await signIn(a, DEMO.plantReviewer);
  tokens.member = await signIn(a, DEMO.member);
  tokens.refineryAdmin = await signIn(a, DEMO.refineryAdmin);
  tokens.plantAdmin = await signIn(a, DEMO.plantAdmin);
});
afterAll(async () => {
  for (const s of subs) await s.dispose();
  b?.child.kill('SIGTERM');
  await b?.exited;
  await a?.close();
  await db?.drop();
});

const onB = async (token: string, query: string, variables: Record<string, unknown>) => {
  const res = await postGraphQL<any>(bUrl, { query, variables }, { authorization: `Bearer ${token}` });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};
const PUBLISHED = `subscription($slug: String!) { newsPublished(portalSlug: $slug) { id title visibility organization { name } } }`;
const QUEUE = `subscription { reviewQueue { status newsArticle { id title } } }`;

async function write(title: string, visibility: string, orgName = '采油一队党支部', author = tokens.editor) {
  const organizationId = gid('Organization', await orgId(db, orgName));
  const created = await onB(author, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, {
    i: { organizationId, title, bodyHtml: `<p>${title}</p>`, visibility },
  });
  const id = created.newsCreate.newsArticle.id as string;
  await onB(author, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
  return id;
}
const approve = (id: string, publishAt?: string) =>
  onB(tokens.reviewer, `mutation($id: ID!, $at: DateTimeISO) { newsApprove(id: $id, publishAt: $at) { newsArticle { status } userErrors { code } } }`, { id, at: publishAt ?? null });

describe('across processes', () => {
  it('delivers publications to the portal’s subscribers, each only what they may read', async () => {
    const anonymous = await collect(a.url, PUBLISHED, { slug: 'huayou-caiyou1' });
    const member = await collect(a.url, PUBLISHED, { slug: 'huayou-caiyou1' }, tokens.member);
    const otherPortal = await collect(a.url, PUBLISHED, { slug: 'huayou-lianhua' });
    subs.push(anonymous, member, otherPortal);

    const internal = await write('支部内部通知（实时推送测试）', 'ORGANIZATION');
    await approve(internal);
    const open = await write('公开动态（实时推送测试）', 'PUBLIC');
    await approve(open);

    expect((await member.waitFor((e) => e.newsPublished.id === internal)).newsPublished).toMatchObject({ visibility: 'ORGANIZATION', organization: { name: '采油一队党支部' } });
    await member.waitFor((e) => e.newsPublished.id === open);
    await anonymous.waitFor((e) => e.newsPublished.id === open);
    // The internal article was published first, yet the public subscriber never saw it.
    expect(anonymous.events.map((e) => e.newsPublished.id)).toEqual([open]);
    // Another portal's subtree hears nothing.
    expect(otherPortal.events).toEqual([]);
  });

  it('keeps reviewers’ queues live, only for those who review the article', async () => {
    const reviewer = await collect(a.url, QUEUE, {}, tokens.reviewer);
    const sibling = await collect(a.url, QUEUE, {}, tokens.refineryAdmin);
    subs.push(reviewer, sibling);
    const id = await write('待审核动态（队列推送测试）', 'PUBLIC');
    expect((await reviewer.waitFor((e) => e.reviewQueue.newsArticle.id === id)).reviewQueue.status).toBe('IN_REVIEW');
    await approve(id);
    await reviewer.waitFor((e) => e.reviewQueue.newsArticle.id === id && e.reviewQueue.status === 'PUBLISHED');
    await new Promise((r) => setTimeout(r, 300));
    expect(sibling.events).toEqual([]);
  });

  it('refuses an anonymous review-queue subscription and an unknown portal', async () => {
    const anonymousQueue = await collect(a.url, QUEUE, {});
    const unknown = await collect(a.url, PUBLISHED, { slug: 'no-such-portal' });
    subs.push(anonymousQueue, unknown);
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(anonymousQueue.errors)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(unknown.errors)).toContain('NOT_FOUND');
  });
});

describe('scheduled publishing', () => {
  it('fires once, on time, with two processes polling', async () => {
    const anonymous = await collect(a.url, PUBLISHED, { slug: 'huayou-caiyou1' });
    subs.push(anonymous);
    const id = await write('定时发布（调度测试）', 'PUBLIC');
    const at = new Date(Date.now() + 1500);
    await approve(id, at.toISOString());
    expect(anonymous.events.some((e) => e.newsPublished.id === id)).toBe(false);
    await anonymous.waitFor((e) => e.newsPublished.id === id, 5000);
    const arrived = Date.now();
    expect(arrived).toBeGreaterThanOrEqual(at.getTime());
    expect(arrived - at.getTime()).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 1000)); // both schedulers have polled several times since
    expect(anonymous.events.filter((e) => e.newsPublished.id === id)).toHaveLength(1);
  });
});

describe('disclosures too', () => {
  it('contentPublished delivers a disclosure approved on the other process, only if the subscriber may read it', async () => {
    const anonymous = await collect(a.url, `subscription { contentPublished(portalSlug: "huayou-caiyou1") { __typename ... on Disclosure { id title scope } ... on NewsArticle { id } } }`, {});
    subs.push(anonymous);
    const disclose = async (title: string, scope: string) => {
      const organizationId = gid('Organization', await orgId(db, '采油一队党支部'));
      const created = await onB(tokens.editor, `mutation($i: DisclosureCreateInput!) { disclosureCreate(input: $i) { disclosure { id } } }`, {
        i: { organizationId, title, bodyHtml: `<p>${title}</p>`, category: 'OTHER', scope },
      });
      const id = created.disclosureCreate.disclosure.id as string;
      await onB(tokens.editor, `mutation($id: ID!) { disclosureSubmit(id: $id) { userErrors { code } } }`, { id });
      await onB(tokens.reviewer, `mutation($id: ID!) { disclosureReview(id: $id, secrecyCleared: true, conclusion: "不涉密") { userErrors { code } } }`, { id });
      await onB(tokens.plantAdmin, `mutation($id: ID!) { disclosureApprove(id: $id) { userErrors { code } } }`, { id });
      return id;
    };
    const internal = await disclose('内部公开（实时推送测试）', 'OWN_ORG_SUBTREE');
    const open = await disclose('社会公开（实时推送测试）', 'SOCIETY');
    const event = await anonymous.waitFor((e) => e.contentPublished.id === open);
    expect(event.contentPublished).toEqual({ __typename: 'Disclosure', id: open, title: '社会公开（实时推送测试）', scope: 'SOCIETY' });
    expect(anonymous.events.map((e) => e.contentPublished.id)).not.toContain(internal);
  });
});
