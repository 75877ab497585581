/** 党务公开 through the real endpoint: the four steps, notices with their window, feedback. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, signIn, withToken } from '../support/identity.js';

let branch: string;

const { db, api, as } = useSuite({ actors: ['branchEditor', 'plantReviewer', 'plantAdmin', 'member', 'powerAdmin'] });
const { branchEditor: editor, plantReviewer: reviewer, plantAdmin, member, powerAdmin, anonymous } = as;
beforeAll(async () => {
  branch = gid('Organization', await orgId(db, '采油一队党支部'));
});

const FIELDS = `id title status step category scope rejectionReason notice { open remainingSeconds startsAt endsAt } secrecyReview { reviewerName conclusion }`;
const CREATE = `mutation($i: DisclosureCreateInput!) { disclosureCreate(input: $i) { disclosure { ${FIELDS} } userErrors { code field message } } }`;
const SUBMIT = `mutation($id: ID!) { disclosureSubmit(id: $id) { disclosure { status step } userErrors { code } } }`;
const REVIEW = `mutation($id: ID!, $ok: Boolean!, $c: String!) { disclosureReview(id: $id, secrecyCleared: $ok, conclusion: $c) { disclosure { ${FIELDS} } userErrors { code message } } }`;
const APPROVE = `mutation($id: ID!) { disclosureApprove(id: $id) { disclosure { ${FIELDS} } userErrors { code message } } }`;
const FEEDBACK = `mutation($id: ID!, $i: DisclosureFeedbackInput!) { disclosureFeedbackCreate(id: $id, input: $i) { feedback { id body } userErrors { code field message } } }`;

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** Proposed by the branch editor, reviewed by the plant reviewer, approved by the plant admin. */
async function disclose(title: string, scope: string, notice = true) {
  const created = await editor(CREATE, {
    i: { organizationId: branch, title, bodyHtml: `<p>${title}</p>`, category: 'ORGANIZATION_BUILDING', scope, ...(notice ? { noticeStartsAt: days(-1), noticeEndsAt: days(5) } : {}) },
  });
  expect(created.data!.disclosureCreate.userErrors).toEqual([]);
  const id = created.data!.disclosureCreate.disclosure.id;
  expect(outcome(await editor(SUBMIT, { id }), 'disclosureSubmit')).toBe('OK');
  expect(outcome(await reviewer(REVIEW, { id, ok: true, c: '经审查，不涉及国家秘密和商业秘密，同意公开。' }), 'disclosureReview')).toBe('OK');
  expect(outcome(await plantAdmin(APPROVE, { id }), 'disclosureApprove')).toBe('OK');
  return id as string;
}

describe('提出 → 审核 → 审批 → 实施', () => {
  it('walks the four steps with the right people, recording the secrecy review', async () => {
    const created = await editor(CREATE, {
      i: { organizationId: branch, title: '关于拟发展王芳同志为中共预备党员的公示', bodyHtml: '<p>公示期五个工作日。</p>', category: 'ORGANIZATION_BUILDING', scope: 'SOCIETY', noticeStartsAt: days(-0.01), noticeEndsAt: days(7) },
    });
    const d = created.data!.disclosureCreate.disclosure;
    expect(d).toMatchObject({ status: 'DRAFT', step: 'PROPOSED', category: 'ORGANIZATION_BUILDING', scope: 'SOCIETY' });
    const id = d.id;
    // Approval before review: refused, with nothing changed.
    await editor(SUBMIT, { id });
    expect(outcome(await plantAdmin(APPROVE, { id }), 'disclosureApprove')).toBe('CONFLICT');
    // The reviewer reviews, but only an admin approves (审批).
    const reviewed = await reviewer(REVIEW, { id, ok: true, c: '不涉密，同意公开' });
    expect(reviewed.data!.disclosureReview.disclosure).toMatchObject({ status: 'IN_REVIEW', step: 'REVIEWED', secrecyReview: { reviewerName: '赵志刚', conclusion: '不涉密，同意公开' } });
    expect(outcome(await reviewer(APPROVE, { id }), 'disclosureApprove')).toBe('FORBIDDEN');
    expect(outcome(await reviewer(REVIEW, { id, ok: true, c: '再审' }), 'disclosureReview')).toBe('CONFLICT');
    const approved = await plantAdmin(APPROVE, { id });
    expect(approved.data!.disclosureApprove.disclosure).toMatchObject({ status: 'PUBLISHED', step: 'APPROVED' });

    // The public reads it with its open notice and countdown, but not the inner review record.
    const seen = await anonymous(`query($id: ID!) { disclosure(id: $id) { ${FIELDS} organization { name } } }`, { id });
    expect(seen.data!.disclosure).toMatchObject({ status: 'PUBLISHED', notice: { open: true }, secrecyReview: null, organization: { name: '采油一队党支部' } });
    expect(seen.data!.disclosure.notice.remainingSeconds).toBeGreaterThan(6.9 * 86_400);
    expect(seen.data!.disclosure.notice.remainingSeconds).toBeLessThanOrEqual(7 * 86_400);
    const actions = await db.query<{ action: string }>(`select action from audit_event where subject_type = 'Content' and subject_id = $1 order by id`, [String(Buffer.from(id, 'base64url').toString().split(':')[1])]);
    expect(actions.map((a) => a.action)).toEqual(['content.create', 'content.submit', 'content.secrecyReview', 'content.approve']);
  });

  it('a secrecy review that does not clear sends the proposal back with its conclusion', async () => {
    const id = (await editor(CREATE, { i: { organizationId: branch, title: '涉及生产数据的公开事项', bodyHtml: '<p>产量明细</p>', category: 'OTHER', scope: 'SOCIETY' } })).data!.disclosureCreate.disclosure.id;
    await editor(SUBMIT, { id });
    const res = await reviewer(REVIEW, { id, ok: false, c: '含商业秘密（产量明细），不予公开' });
    expect(res.data!.disclosureReview.disclosure).toMatchObject({ status: 'REJECTED', step: 'PROPOSED', rejectionReason: '含商业秘密（产量明细），不予公开' });
    expect((await anonymous(`query($id: ID!) { disclosure(id: $id) { id } }`, { id })).data!.disclosure).toBeNull();
  });

  it.each([
    [{ noticeStartsAt: days(3), noticeEndsAt: days(1) }, 'noticeEndsAt'],
    [{ noticeStartsAt: days(1) }, 'noticeEndsAt'],
    [{ noticeStartsAt: days(0), noticeEndsAt: days(120) }, 'noticeEndsAt'],
    [{ title: '' }, 'title'],
  ])('%#: refuses a bad notice window or title', async (fields, field) => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from disclosure'))[0]!.n;
    const res = await editor(CREATE, { i: { organizationId: branch, title: '公示', category: 'OTHER', scope: 'SOCIETY', ...fields } });
    expect(res.data!.disclosureCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', field] });
    expect((await db.query<{ n: number }>('select count(*)::int as n from disclosure'))[0]!.n).toBe(before);
  });
});

describe('notices and feedback', () => {
  let open: string;
  let internal: string;
  beforeAll(async () => {
    open = await disclose('党费收缴情况公示', 'SOCIETY');
    internal = await disclose('支部内部民主评议结果公示', 'OWN_ORG_SUBTREE');
  });

  it('takes feedback during the window: anyone on notices to society, signed-in readers on internal ones', async () => {
    const anon = await anonymous(FEEDBACK, { id: open, i: { body: '建议同时公布党费使用情况。', authorName: '热心群众' } });
    expect(anon.data!.disclosureFeedbackCreate.userErrors).toEqual([]);
    expect((await anonymous(FEEDBACK, { id: internal, i: { body: '匿名意见' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await powerAdmin(FEEDBACK, { id: internal, i: { body: '外单位意见' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await member(FEEDBACK, { id: internal, i: { body: '同意评议结果。' } })).data!.disclosureFeedbackCreate.userErrors).toEqual([]);
    for (const body of ['', '   ', '长'.repeat(2001), 'bad\u0000text']) {
      expect((await member(FEEDBACK, { id: open, i: { body } })).data!.disclosureFeedbackCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'body'] });
    }
  });

  it('refuses feedback once the window has closed (or before it opens)', async () => {
    const id = await disclose('已结束的公示', 'SOCIETY');
    const local = Buffer.from(id, 'base64url').toString().split(':')[1];
    await db.query(`update disclosure set notice_starts_at = now() - interval '10 days', notice_ends_at = now() - interval '1 day' where content_id = $1`, [local]);
    const res = await anonymous(FEEDBACK, { id, i: { body: '迟到的意见' } });
    expect(res.data!.disclosureFeedbackCreate.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    expect((await anonymous(`query($id: ID!) { disclosure(id: $id) { notice { open remainingSeconds } } }`, { id })).data!.disclosure.notice).toEqual({ open: false, remainingSeconds: 0 });
    const noNotice = await disclose('无公示期的公开事项', 'SOCIETY', false);
    expect((await anonymous(FEEDBACK, { id: noNotice, i: { body: '意见' } })).data!.disclosureFeedbackCreate.userErrors[0]?.code).toBe('CONFLICT');
  });

  it('shows feedback only to the owner’s reviewers and admins, who reply', async () => {
    const q = `query($id: ID!) { disclosure(id: $id) { feedback(first: 10) { totalCount nodes { id body authorName reply } } } }`;
    const forAdmin = (await plantAdmin(q, { id: open })).data!.disclosure.feedback;
    expect(forAdmin.totalCount).toBe(1);
    expect(forAdmin.nodes[0]).toMatchObject({ body: '建议同时公布党费使用情况。', authorName: '热心群众', reply: null });
    for (const who of [anonymous, member, editor]) expect((await who(q, { id: open })).data!.disclosure.feedback).toEqual({ totalCount: 0, nodes: [] });
    const reply = `mutation($id: ID!, $r: String!) { disclosureFeedbackReply(id: $id, reply: $r) { feedback { reply repliedAt } userErrors { code } } }`;
    expect(outcome(await member(reply, { id: forAdmin.nodes[0].id, r: '好的' }), 'disclosureFeedbackReply')).toBe('FORBIDDEN');
    const answered = await reviewer(reply, { id: forAdmin.nodes[0].id, r: '感谢建议，党费使用情况将于季度末一并公开。' });
    expect(answered.data!.disclosureFeedbackReply.feedback.reply).toBe('感谢建议，党费使用情况将于季度末一并公开。');
  });

  it('lists by category and open notices, only what the caller may read', async () => {
    const q = `query($o: ID!) { disclosures(first: 50, filter: { organizationId: $o, category: ORGANIZATION_BUILDING, noticeOpen: true }) { totalCount nodes { title } } }`;
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const forPublic = (await anonymous(q, { o: plant })).data!.disclosures;
    const forMember = (await member(q, { o: plant })).data!.disclosures;
    expect(forPublic.nodes.map((n: { title: string }) => n.title)).toContain('党费收缴情况公示');
    expect(forPublic.nodes.map((n: { title: string }) => n.title)).not.toContain('支部内部民主评议结果公示');
    expect(forMember.nodes.map((n: { title: string }) => n.title)).toContain('支部内部民主评议结果公示');
    expect(forPublic.totalCount).toBe(forPublic.nodes.length);
    expect(forMember.totalCount).toBe(forPublic.totalCount + 1);
  });
});

describe('read receipts (阅读回执)', () => {
  it('members confirm reading internal disclosures; admins see the reach', async () => {
    const id = await disclose('支部党员大会决议（内部）', 'OWN_ORG_SUBTREE', false);
    const confirm = `mutation($id: ID!) { disclosureConfirmRead(id: $id) { disclosure { readByMe } userErrors { code } } }`;
    const reach = `query($id: ID!) { disclosure(id: $id) { readByMe reach { confirmed eligible } } }`;
    // The audience: memberships in the branch's subtree (张伟 as MEMBER, 陈静 as EDITOR and MEMBER).
    const [{ n: eligible }] = (await db.query<{ n: number }>(
      `select count(distinct m.user_id)::int as n from membership m join organization o on o.id = m.organization_id where o.path like (select path from organization where name = '采油一队党支部') || '%'`,
    )) as [{ n: number }];
    expect((await plantAdmin(reach, { id })).data!.disclosure.reach).toEqual({ confirmed: 0, eligible });
    expect((await member(confirm, { id })).data!.disclosureConfirmRead.disclosure.readByMe).toBe(true);
    expect((await member(confirm, { id })).data!.disclosureConfirmRead.userErrors).toEqual([]); // idempotent
    expect((await plantAdmin(reach, { id })).data!.disclosure).toEqual({ readByMe: false, reach: { confirmed: 1, eligible } });
    expect((await member(reach, { id })).data!.disclosure).toEqual({ readByMe: true, reach: null });
    // Not for disclosures to society, not for those who cannot read it, not anonymously.
    const open = await disclose('公开事项（无需回执）', 'SOCIETY', false);
    expect(outcome(await member(confirm, { id: open }), 'disclosureConfirmRead')).toBe('CONFLICT');
    expect(outcome(await powerAdmin(confirm, { id }), 'disclosureConfirmRead')).toBe('NOT_FOUND');
    expect(outcome(await anonymous(confirm, { id }), 'disclosureConfirmRead')).toBe('UNAUTHENTICATED');
  });
});

describe('search across kinds', () => {
  it('finds disclosures and news alike, only what the caller may read', async () => {
    await disclose('关于评选优秀共产党员的公示', 'SOCIETY');
    await disclose('优秀共产党员推荐人选（内部）', 'OWN_ORG_SUBTREE');
    const q = `query($q: String!, $k: [ContentKind!]) { search(query: $q, first: 10, kinds: $k) { totalCount edges { snippet node { __typename ... on Disclosure { title category } ... on NewsArticle { title } } } } }`;
    const forPublic = (await anonymous(q, { q: '优秀共产党员' })).data!.search;
    expect(forPublic.edges.map((e: any) => [e.node.__typename, e.node.title])).toEqual([['Disclosure', '关于评选优秀共产党员的公示']]);
    expect(forPublic.edges[0].snippet).toContain('<mark>优秀共产党员</mark>');
    expect((await member(q, { q: '优秀共产党员' })).data!.search.totalCount).toBe(2);
    expect((await member(q, { q: '优秀共产党员', k: ['NEWS'] })).data!.search.totalCount).toBe(0);
  });
});

describe('targeted disclosures (向特定组织公开)', () => {
  it('reach the named organisations’ members and nobody else', async () => {
    const targets = [gid('Organization', await orgId(db, '采油一队党支部'))];
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const created = await plantAdmin(CREATE, { i: { organizationId: plant, title: '致采油一队的专项通知', bodyHtml: '<p>专项通知</p>', category: 'OTHER', scope: 'TARGETED', targetOrganizationIds: targets } });
    expect(created.data!.disclosureCreate.userErrors).toEqual([]);
    const id = created.data!.disclosureCreate.disclosure.id;
    await plantAdmin(SUBMIT, { id });
    await reviewer(REVIEW, { id, ok: true, c: '不涉密' });
    const groupAdmin = withToken(api, await signIn(api, DEMO.groupAdmin));
    expect(outcome(await plantAdmin(APPROVE, { id }), 'disclosureApprove')).toBe('FORBIDDEN'); // the proposer
    expect(outcome(await groupAdmin(APPROVE, { id }), 'disclosureApprove')).toBe('OK');

    const read = `query($id: ID!) { disclosure(id: $id) { scope targetOrganizations { name } } }`;
    expect((await member(read, { id })).data!.disclosure).toEqual({ scope: 'TARGETED', targetOrganizations: [{ name: '采油一队党支部' }] });
    expect((await editor(read, { id })).data!.disclosure).not.toBeNull();
    const refineryAdmin = withToken(api, await signIn(api, DEMO.refineryAdmin));
    for (const who of [anonymous, powerAdmin, refineryAdmin]) expect((await who(read, { id })).data!.disclosure).toBeNull();
    const reach = (await plantAdmin(`query($id: ID!) { disclosure(id: $id) { reach { eligible } } }`, { id })).data!.disclosure.reach;
    expect(reach.eligible).toBe(2); // 张伟 and 陈静, the members of 采油一队党支部's subtree
  });

  it.each([
    [{ scope: 'TARGETED' }, 'targetOrganizationIds'],
    [{ scope: 'SOCIETY', targets: ['采油一队党支部'] }, 'targetOrganizationIds'],
    [{ scope: 'TARGETED', targets: ['江川供电有限公司党委'] }, 'targetOrganizationIds'],
  ])('%#: refuses targets that do not fit the scope or the enterprise', async ({ scope, targets }: { scope: string; targets?: string[] }, field) => {
    const targetOrganizationIds = targets ? await Promise.all(targets.map(async (t) => gid('Organization', await orgId(db, t)))) : undefined;
    const res = await editor(CREATE, { i: { organizationId: branch, title: '定向公开', category: 'OTHER', scope, targetOrganizationIds } });
    expect(res.data!.disclosureCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', field] });
  });

  it('news cannot be TARGETED', async () => {
    const res = await editor(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { userErrors { code field } } }`, { i: { organizationId: branch, title: '定向新闻', visibility: 'TARGETED' } });
    expect(res.data!.newsCreate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'visibility'] }]);
  });
});

describe('batched relations', () => {
  it('costs the same statements for a page of 1 and a page of 50', async () => {
    for (let i = 0; i < 50; i++) await disclose(`批量公开${i}`, i % 2 ? 'SOCIETY' : 'OWN_ORG_SUBTREE');
    const query = `query($n: Int!, $o: ID!) { disclosures(first: $n, filter: { organizationId: $o }) { totalCount nodes {
      title category scope step readByMe authorName organization { name } targetOrganizations { name } notice { open remainingSeconds } secrecyReview { reviewerName } } } }`;
    const token = await signIn(api, DEMO.member);
    const statements = async (n: number) => {
      const requestId = `disclosures-${n}-${Date.now()}`;
      const res = await api.gql(query, { n, o: branch }, { 'x-request-id': requestId, authorization: `Bearer ${token}` });
      expect(res.errors).toBeUndefined();
      expect(res.data!.disclosures.nodes).toHaveLength(n);
      await new Promise((r) => setTimeout(r, 20));
      return api.logs.find((l) => l.requestId === requestId && l.msg === 'request')!.statements as number;
    };
    const one = await statements(1);
    expect(await statements(50)).toBe(one);
  });
});

describe('the catalogue (公开目录) and filters', () => {
  it('counts published disclosures per category, only what the caller may read', async () => {
    const branchCatalogue = `query($o: ID!) { disclosureCatalogue(organizationId: $o) { category count } }`;
    const forPublic = (await anonymous(branchCatalogue, { o: branch })).data!.disclosureCatalogue;
    const forMember = (await member(branchCatalogue, { o: branch })).data!.disclosureCatalogue;
    expect(forPublic.map((e: { category: string }) => e.category)).toEqual(['HIGHER_DECISIONS', 'GOALS_AND_PLANS', 'EDUCATION', 'ORGANIZATION_BUILDING', 'CONDUCT_AND_SERVICE', 'DISCIPLINE', 'OTHER']);
    const total = (list: { count: number }[]) => list.reduce((n, e) => n + e.count, 0);
    const [{ n: published }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from content c join organization o on o.id = c.organization_id where c.kind = 'DISCLOSURE' and c.status = 'PUBLISHED' and o.name = '采油一队党支部' and c.visibility = 'PUBLIC'`,
    )) as [{ n: number }];
    expect(total(forPublic)).toBe(published);
    expect(total(forMember)).toBeGreaterThan(total(forPublic));
  });

  it('filters by tag and publication time, and refuses an inverted range', async () => {
    const q = `query($f: DisclosureFilter) { disclosures(first: 100, filter: $f) { totalCount } }`;
    const all = (await member(q, { f: {} })).data!.disclosures.totalCount;
    expect((await member(q, { f: { publishedSince: days(1) } })).data!.disclosures.totalCount).toBe(0);
    expect((await member(q, { f: { publishedUntil: days(1) } })).data!.disclosures.totalCount).toBe(all);
    expect((await member(q, { f: { tags: ['不存在的标签'] } })).data!.disclosures.totalCount).toBe(0);
    expect((await member(q, { f: { publishedSince: days(1), publishedUntil: days(-1) } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
