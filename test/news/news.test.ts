/** News (工作动态) through the real endpoint: workflow, sanitising, visibility per role, search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, signIn, withToken, type Gql } from '../support/identity.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/api.js';

const suite = useSuite({ actors: ['branchEditor', 'plantReviewer', 'plantAdmin', 'member', 'refineryAdmin', 'powerAdmin', 'groupAdmin'] });
const { db, api } = suite;
/** The suite's actors under this file's names, and two API keys made in set-up. */
const as = {
  editor: suite.as.branchEditor,
  reviewer: suite.as.plantReviewer,
  plantAdmin: suite.as.plantAdmin,
  member: suite.as.member,
  refineryAdmin: suite.as.refineryAdmin,
  powerAdmin: suite.as.powerAdmin,
  groupAdmin: suite.as.groupAdmin,
  anonymous: suite.as.anonymous,
} as Record<'editor' | 'reviewer' | 'plantAdmin' | 'member' | 'refineryAdmin' | 'powerAdmin' | 'groupAdmin' | 'anonymous' | 'publicKey' | 'internalKey', Gql>;
let branch: string;
let plant: string;

beforeAll(async () => {
  for (const [name, scopes] of [['publicKey', ['PUBLIC_READ']], ['internalKey', ['INTERNAL_READ']]] as const) {
    const res = await as.groupAdmin(`mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { key } }`, { i: { enterpriseId: gid('Enterprise', 1), name, scopes } });
    as[name] = withToken(api, res.data!.apiClientCreate.key);
  }
  branch = gid('Organization', await orgId(db, '采油一队党支部'));
  plant = gid('Organization', await orgId(db, '第一采油厂党委'));
});

const FIELDS = 'id title summary bodyHtml tags status visibility publishedAt version rejectionReason authorName organization { name }';
const CREATE = `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { ${FIELDS} } userErrors { field code message } } }`;
const act = (name: string, extra = '') => `mutation($id: ID!${extra ? `, ${extra}` : ''}) { ${name}(id: $id${extra ? `, ${extra.split(':')[0]!.slice(1)}: ${extra.split(':')[0]}` : ''}) { newsArticle { ${FIELDS} } userErrors { field code message } } }`;
const SUBMIT = act('newsSubmit');
const APPROVE = `mutation($id: ID!, $at: DateTimeISO) { newsApprove(id: $id, publishAt: $at) { newsArticle { ${FIELDS} } userErrors { code message } } }`;
const REJECT = `mutation($id: ID!, $r: String!) { newsReject(id: $id, reason: $r) { newsArticle { ${FIELDS} } userErrors { code message } } }`;
const VISIBLE = `query($id: ID!) { node(id: $id) { id } newsArticle(id: $id) { id } }`;

/** Written by the branch editor (for the branch) or the plant admin (for the plant), approved by the reviewer. */
async function publish(title: string, visibility: string, organizationId = branch, body = `<p>${title}的正文。</p>`) {
  const author = organizationId === branch ? as.editor : as.plantAdmin;
  const created = await author(CREATE, { i: { organizationId, title, bodyHtml: body, visibility, tags: ['党建'] } });
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  expect(created.data!.newsCreate.userErrors).toEqual([]);
  const id = created.data!.newsCreate.newsArticle.id;
  expect(outcome(await author(SUBMIT, { id }), 'newsSubmit')).toBe('OK');
  expect(outcome(await as.reviewer(APPROVE, { id }), 'newsApprove')).toBe('OK');
  return id as string;
}

describe('the workflow', () => {
  it('draft → review → published, with rich text sanitised on write', async () => {
    const dirty = `<p onclick="steal()">采油一队开展“三会一课”<script>alert(1)</script></p>
      <a href="javascript:alert(2)">链接</a><a href="https://example.com" target="_blank">外链</a>
      <img src="x" onerror="alert(3)"><img src="https://img.example.com/a.jpg" alt="学习现场">
      <iframe src="https://evil.example.com/x"></iframe><iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>`;
    const created = await as.editor(CREATE, { i: { organizationId: branch, title: '  采油一队开展主题党日活动  ', bodyHtml: dirty, tags: ['主题党日', '三会一课', '主题党日'] } });
    const article = created.data!.newsCreate.newsArticle;
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  expect(created.data!.newsCreate.userErrors).toEqual([]);
    expect(article).toMatchObject({ title: '采油一队开展主题党日活动', status: 'DRAFT', visibility: 'PUBLIC', version: 1, authorName: '陈静', tags: ['主题党日', '三会一课'], organization: { name: '采油一队党支部' } });
    expect(article.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:|evil\.example/);
    expect(article.bodyHtml).toContain('<p>采油一队开展“三会一课”</p>');
    expect(article.bodyHtml).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">外链</a>');
    expect(article.bodyHtml).toContain('<img src="https://img.example.com/a.jpg" alt="学习现场" />');
    expect(article.bodyHtml).toContain('player.bilibili.com');
    const id = article.id;

    // A draft is invisible to the public and to members; visible to its author and to reviewers above.
    for (const who of [as.anonymous, as.member, as.refineryAdmin]) expect((await who(VISIBLE, { id })).data).toEqual({ node: null, newsArticle: null });
    for (const who of [as.editor, as.reviewer, as.plantAdmin, as.groupAdmin]) expect((await who(VISIBLE, { id })).data!.newsArticle).toEqual({ id });

    // Reviewers cannot approve what has not been submitted; members cannot submit.
    expect(outcome(await as.reviewer(APPROVE, { id }), 'newsApprove')).toBe('FORBIDDEN');
    expect(outcome(await as.member(SUBMIT, { id }), 'newsSubmit')).toBe('NOT_FOUND');
    expect((await as.editor(SUBMIT, { id })).data!.newsSubmit.newsArticle.status).toBe('IN_REVIEW');
    expect(outcome(await as.editor(APPROVE, { id }), 'newsApprove')).toBe('FORBIDDEN');
    const approved = await as.reviewer(APPROVE, { id });
    expect(approved.data!.newsApprove.newsArticle.status).toBe('PUBLISHED');
    expect((await as.anonymous(VISIBLE, { id })).data!.newsArticle).toEqual({ id });
    const feed = await as.anonymous(`query($o: ID!) { news(first: 10, filter: { organizationId: $o }) { totalCount nodes { title } } }`, { o: plant });
    expect(feed.data!.news.nodes.map((n: { title: string }) => n.title)).toContain('采油一队开展主题党日活动');
    const audit = await db.query<{ action: string }>(`select action from audit_event where subject_type = 'Content' and subject_id = (select id::text from content where title = '采油一队开展主题党日活动') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['content.create', 'content.submit', 'content.approve']);
  });

  it('rejects with a reason; the author revises and resubmits', async () => {
    const id = (await as.editor(CREATE, { i: { organizationId: branch, title: '初稿', bodyHtml: '<p>内容待完善</p>' } })).data!.newsCreate.newsArticle.id;
    await as.editor(SUBMIT, { id });
    const rejected = await as.reviewer(REJECT, { id, r: '请补充活动照片和参加人数' });
    expect(rejected.data!.newsReject.newsArticle).toMatchObject({ status: 'REJECTED', rejectionReason: '请补充活动照片和参加人数' });
    expect((await as.reviewer(REJECT, { id, r: '   ' })).data!.newsReject.userErrors[0]?.code ?? outcome(await as.reviewer(REJECT, { id, r: ' ' }), 'newsReject')).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    const edited = await as.editor(`mutation($id: ID!) { newsUpdate(id: $id, input: { bodyHtml: "<p>内容已完善，共32名党员参加。</p>", expectedVersion: 1 }) { newsArticle { version status } userErrors { code } } }`, { id });
    expect(edited.data!.newsUpdate.newsArticle).toEqual({ version: 2, status: 'REJECTED' });
    expect((await as.editor(SUBMIT, { id })).data!.newsSubmit.newsArticle).toMatchObject({ status: 'IN_REVIEW', rejectionReason: null });
  });

  it('keeps revisions, restores one, and refuses a stale save with CONFLICT', async () => {
    const id = (await as.editor(CREATE, { i: { organizationId: branch, title: '第一版标题', bodyHtml: '<p>一</p>' } })).data!.newsCreate.newsArticle.id;
    await as.editor(`mutation($id: ID!) { newsUpdate(id: $id, input: { title: "第二版标题" }) { userErrors { code } } }`, { id });
    const stale = await as.editor(`mutation($id: ID!) { newsUpdate(id: $id, input: { title: "过期的修改", expectedVersion: 1 }) { userErrors { code field } } }`, { id });
    expect(stale.data!.newsUpdate.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'expectedVersion'] }]);
    const history = await as.editor(`query($id: ID!) { newsArticle(id: $id) { revisions { id version title editorName } } }`, { id });
    const revisions = history.data!.newsArticle.revisions;
    expect(revisions.map((r: { version: number; title: string; editorName: string }) => [r.version, r.title, r.editorName])).toEqual([
      [2, '第二版标题', '陈静'],
      [1, '第一版标题', '陈静'],
    ]);
    const restored = await as.editor(`mutation($id: ID!, $r: ID!) { newsRevisionRestore(id: $id, revisionId: $r) { newsArticle { title version } userErrors { code } } }`, { id, r: revisions[1].id });
    expect(restored.data!.newsRevisionRestore.newsArticle).toEqual({ title: '第一版标题', version: 3 });
    expect((await as.member(`query($id: ID!) { newsArticle(id: $id) { revisions { id } } }`, { id })).data!.newsArticle).toBeNull();
  });

  it('four eyes: nobody approves their own article', async () => {
    const id = (await as.plantAdmin(CREATE, { i: { organizationId: plant, title: '厂党委工作动态', bodyHtml: '<p>内容</p>' } })).data!.newsCreate.newsArticle.id;
    await as.plantAdmin(SUBMIT, { id });
    expect(outcome(await as.plantAdmin(APPROVE, { id }), 'newsApprove')).toBe('FORBIDDEN');
    expect(outcome(await as.reviewer(APPROVE, { id }), 'newsApprove')).toBe('OK');
  });

  it('schedules publication: invisible until the time comes', async () => {
    const id = (await as.editor(CREATE, { i: { organizationId: branch, title: '定时发布的通知', bodyHtml: '<p>明天发布</p>' } })).data!.newsCreate.newsArticle.id;
    await as.editor(SUBMIT, { id });
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await as.reviewer(APPROVE, { id, at })).data!.newsApprove.newsArticle).toMatchObject({ status: 'PUBLISHED', publishedAt: at });
    expect((await as.anonymous(VISIBLE, { id })).data!.newsArticle).toBeNull();
    expect((await as.editor(VISIBLE, { id })).data!.newsArticle).toEqual({ id });
    await db.query(`update content set published_at = now() - interval '1 second' where title = '定时发布的通知'`);
    expect((await as.anonymous(VISIBLE, { id })).data!.newsArticle).toEqual({ id });
  });
});

describe('bad input gets typed errors and changes nothing', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ title: '标'.repeat(201) }, 'title'],
    [{ title: '正常', bodyHtml: `<p>${'长'.repeat(200_001)}</p>` }, 'bodyHtml'],
    [{ title: '正常', tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }, 'tags'],
    [{ title: '正常', summary: '摘'.repeat(501) }, 'summary'],
    [{ title: '标题\u0000' }, 'title'],
  ])('%#: refuses %s', async (fields, field) => {
    const before = (await db.query('select count(*)::int as n from content'))[0]!.n;
    const res = await as.editor(CREATE, { i: { organizationId: branch, ...fields } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.newsCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', field] });
    expect((await db.query('select count(*)::int as n from content'))[0]!.n).toBe(before);
  });

  it('refuses an unknown visibility, a far-future schedule, and a non-article id', async () => {
    expect((await as.editor(CREATE, { i: { organizationId: branch, title: 'x', visibility: 'SECRET' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const id = (await as.editor(CREATE, { i: { organizationId: branch, title: '远期', bodyHtml: '<p>x</p>' } })).data!.newsCreate.newsArticle.id;
    await as.editor(SUBMIT, { id });
    const far = await as.reviewer(APPROVE, { id, at: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    expect(far.data!.newsApprove.userErrors[0]?.code).toBe('BAD_USER_INPUT');
    expect((await as.reviewer(APPROVE, { id: branch })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const at of ['not a date', '2026-13-45T99:00:00Z', '']) {
      expect((await as.reviewer(APPROVE, { id, at })).errors?.[0]?.extensions?.code, at).toBe('BAD_USER_INPUT');
    }
  });
});

describe('who reads what', () => {
  const items: Record<string, string> = {};
  beforeAll(async () => {
    for (const visibility of ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM']) items[visibility] = await publish(`可见性测试-${visibility}`, visibility);
    items.PLANT_ORGANIZATION = await publish('可见性测试-厂内', 'ORGANIZATION', plant);
  });

  const EXPECT: Record<keyof typeof as, string[]> = {
    anonymous: ['PUBLIC'],
    publicKey: ['PUBLIC'],
    internalKey: ['PUBLIC', 'ENTERPRISE', 'PARTNERS', 'PLATFORM'],
    member: ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'PLANT_ORGANIZATION'],
    editor: ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'PLANT_ORGANIZATION'],
    reviewer: ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'PLANT_ORGANIZATION'],
    plantAdmin: ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'PLANT_ORGANIZATION'],
    groupAdmin: ['PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'PLANT_ORGANIZATION'],
    refineryAdmin: ['PUBLIC', 'ENTERPRISE', 'PARTNERS', 'PLATFORM'],
    // The power company is an active partner of the oil group in the demo data (共建).
    powerAdmin: ['PUBLIC', 'PARTNERS', 'PLATFORM'],
  };

  it.each(Object.keys(EXPECT) as (keyof typeof as)[])('%s: lists, counts and node() agree', async (who) => {
    const feed = await as[who](`{ news(first: 100, filter: { tags: ["党建"] }) { totalCount nodes { id title } } }`);
    expect(feed.errors).toBeUndefined();
    const seen = feed.data!.news.nodes.map((n: { title: string }) => n.title).filter((t: string) => t.startsWith('可见性测试-'));
    const expected = EXPECT[who].map((v) => (v === 'PLANT_ORGANIZATION' ? '可见性测试-厂内' : `可见性测试-${v}`));
    expect(seen.sort()).toEqual(expected.sort());
    expect(feed.data!.news.totalCount).toBe(feed.data!.news.nodes.length);
    for (const [visibility, id] of Object.entries(items)) {
      const visible = (await as[who](VISIBLE, { id })).data;
      expect(visible!.newsArticle !== null, `${who} ${visibility}`).toBe(EXPECT[who].includes(visibility));
      expect(visible!.node !== null).toBe(visible!.newsArticle !== null);
    }
  });
});

describe('search in Chinese', () => {
  beforeAll(async () => {
    // Phrases that appear nowhere in the demo data.
    await publish('第一采油厂召开工作推进会', 'PUBLIC', plant, '<p>会议部署专项巡查整改和下一步重点任务。</p>');
    await publish('厂党委理论学习', 'ENTERPRISE', plant, '<p>围绕专项巡查整改开展研讨。</p>');
  });
  const SEARCH = `query($q: String!) { newsSearch(query: $q, first: 10) { totalCount edges { snippet node { title } } } }`;

  it('finds phrases of two and more characters, with highlighted snippets', async () => {
    const res = await as.anonymous(SEARCH, { q: '工作推进会' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.newsSearch.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['第一采油厂召开工作推进会']);
    expect(res.data!.newsSearch.edges[0].snippet).toContain('<mark>工作推进会</mark>');
    // Bigram phrases do not match the same characters in another order.
    expect((await as.anonymous(SEARCH, { q: '推进会工作' })).data!.newsSearch.totalCount).toBe(0);
  });

  it('searches only what the caller may read', async () => {
    expect((await as.anonymous(SEARCH, { q: '专项巡查' })).data!.newsSearch.totalCount).toBe(1);
    expect((await as.member(SEARCH, { q: '专项巡查' })).data!.newsSearch.totalCount).toBe(2);
    expect((await as.powerAdmin(SEARCH, { q: '专项巡查' })).data!.newsSearch.totalCount).toBe(1);
  });

  it('names each result’s organisation, read for the page (not joined to every match)', async () => {
    const res = await as.member(`query($q: String!) { newsSearch(query: $q, first: 10) { edges { node { title organization { name parent { name } } } } } }`, { q: '专项巡查' });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.newsSearch.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(2);
    for (const node of nodes) expect(node).toMatchObject({ organization: { name: '第一采油厂党委', parent: { name: '华油能源集团有限公司党委' } } });
  });

  it('handles single characters, mixed terms, and input that has nothing to search', async () => {
    expect((await as.member(SEARCH, { q: '党' })).data!.newsSearch.totalCount).toBeGreaterThan(0);
    expect((await as.member(SEARCH, { q: '巡查 学习' })).data!.newsSearch.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['厂党委理论学习']);
    expect((await as.member(SEARCH, { q: "'); drop table content; --" })).errors).toBeUndefined();
    expect((await as.member(SEARCH, { q: '！？。' })).data!.newsSearch).toEqual({ totalCount: 0, edges: [] });
    expect((await as.member(SEARCH, { q: '长'.repeat(101) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages through the ranking one statement a page, each page with the whole count, also past the end', async () => {
    const PAGE = `query($q: String!, $after: String) { newsSearch(query: $q, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const all = await as.member(`query($q: String!) { newsSearch(query: $q, first: 50) { totalCount edges { node { id } } } }`, { q: '党' });
    const total = all.data!.newsSearch.totalCount as number;
    expect(total).toBeGreaterThan(4);
    const seen: string[] = [];
    let after: string | null = null;
    const token = await signIn(api, DEMO.member);
    const counts: number[] = [];
    for (let page = 0; page < 3; page++) {
      const requestId = `search-page-${page}-${Date.now()}`;
      const res: GraphQLResponse = await api.gql(PAGE, { q: '党', after }, { 'x-request-id': requestId, authorization: `Bearer ${token}` });
      expect(res.errors).toBeUndefined();
      expect(res.data!.newsSearch.totalCount).toBe(total);
      await new Promise((r) => setTimeout(r, 20));
      counts.push(api.logs.find((l) => l.requestId === requestId && l.msg === 'request')!.statements as number);
      seen.push(...res.data!.newsSearch.edges.map((e: { node: { id: string } }) => e.node.id));
      after = res.data!.newsSearch.pageInfo.endCursor;
    }
    // The caller's session, then the page and its count in one statement (not a list and a count).
    expect(counts).toEqual([2, 2, 2]);
    expect(seen).toEqual(all.data!.newsSearch.edges.slice(0, 6).map((e: { node: { id: string } }) => e.node.id));
    // A page past the last match has no row to carry the count: it is still right.
    const past = Buffer.from(JSON.stringify(['v1', total + 5])).toString('base64url');
    const beyond = await as.member(PAGE, { q: '党', after: past });
    expect(beyond.data!.newsSearch).toMatchObject({ totalCount: total, edges: [], pageInfo: { hasNextPage: false } });
  });
});

describe('batched relations', () => {
  it('costs the same statements for a page of 1 and a page of 50, authorisation applied', async () => {
    for (let i = 0; i < 50; i++) await publish(`批量测试${i}`, 'PUBLIC');
    const query = `query($n: Int!) { news(first: $n, filter: { tags: ["党建"] }) { totalCount nodes {
      title bodyHtml authorName featuredBy { name } organization { name parent { name } } revisions { version } } } }`;
    const token = await signIn(api, DEMO.member);
    const statements = async (n: number) => {
      const requestId = `news-${n}-${Date.now()}`;
      const res = await api.gql(query, { n }, { 'x-request-id': requestId, authorization: `Bearer ${token}` });
      expect(res.data!.news.nodes).toHaveLength(n);
      await new Promise((r) => setTimeout(r, 20));
      return api.logs.find((l) => l.requestId === requestId && l.msg === 'request')!.statements as number;
    };
    const one = await statements(1);
    expect(await statements(50)).toBe(one);
    // Session + grants, page + count, then one batch each: bodies, authors, recommendations,
    // organisations, parents, revisions' rights, revisions.
    expect(one).toBeLessThanOrEqual(12);
  });
});

describe('plans for a subtree', () => {
  // A server of its own whose log carries each statement (trace): which were planned for their values.
  let traced: TestApi;
  beforeAll(async () => {
    traced = await startTestApi(db.url, { LOG_LEVEL: 'trace' });
  });
  afterAll(() => traced?.close());

  it('plans a list below the enterprise root for its values every time, and keeps the root’s prepared', async () => {
    const root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
    const token = await signIn(traced, DEMO.member);
    const listed = async (organizationId: string, includeSubtree = true) => {
      const requestId = `subtree-${organizationId}-${includeSubtree}-${Date.now()}`;
      const res = await traced.gql(`query($f: NewsFilter) { news(first: 5, filter: $f) { nodes { id } } }`, { f: { organizationId, includeSubtree } }, { 'x-request-id': requestId, authorization: `Bearer ${token}` });
      expect(res.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 20));
      // The page's statement (the count is planned every time whatever the subtree).
      const page = traced.logs.find((l) => l.requestId === requestId && l.msg === 'sql' && /from "content" as "c"/.test(l.sql) && !/count\(\*\)/.test(l.sql));
      expect(page, 'the page’s statement').toBeDefined();
      return { items: res.data!.news.nodes.length as number, planned: String(page!.sql).startsWith('/* plan every time */') };
    };
    expect(await listed(plant)).toMatchObject({ planned: true });
    expect(await listed(branch)).toMatchObject({ planned: true });
    // The whole enterprise is the same size every time; one organisation alone is one index range.
    expect(await listed(root)).toMatchObject({ planned: false });
    expect(await listed(plant, false)).toMatchObject({ planned: false });
    expect((await listed(plant)).items).toBeGreaterThan(0);
  });
});

describe('view counts', () => {
  it('counts concurrent views exactly, only of items the caller may read', async () => {
    const id = await publish('阅读量测试', 'PUBLIC');
    const internal = await publish('阅读量测试（内部）', 'ORGANIZATION');
    const view = `mutation($id: ID!) { contentRecordView(id: $id) }`;
    await Promise.all(Array.from({ length: 25 }, () => as.anonymous(view, { id })));
    expect((await as.anonymous(`query($id: ID!) { newsArticle(id: $id) { viewCount } }`, { id })).data!.newsArticle.viewCount).toBe(25);
    expect((await as.anonymous(view, { id: internal })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as.member(view, { id: internal })).data!.contentRecordView).toBe(1);
    expect((await as.anonymous(view, { id: branch })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
