/**
 * 经验交流 through the real endpoint: the write-up and its workflow, comments and their
 * moderation, likes and adoptions (exactly once under concurrent clicks), featuring by a level
 * above, the sort orders, and the typed errors for what makes no sense.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, type Gql, expectOk as ok } from '../support/identity.js';

type Who = 'editor' | 'member' | 'plantReviewer' | 'plantAdmin' | 'groupAdmin' | 'refineryAdmin' | 'powerAdmin' | 'powerMember';
const { db, api, as, tokens } = useSuite({
  logins: {
    editor: DEMO.branchEditor,
    member: DEMO.member,
    plantReviewer: DEMO.plantReviewer,
    plantAdmin: DEMO.plantAdmin,
    groupAdmin: DEMO.groupAdmin,
    refineryAdmin: DEMO.refineryAdmin,
    powerAdmin: DEMO.powerAdmin,
    powerMember: '13900000002',
  } satisfies Record<Who, string>,
});
let caseId: string;
const org = {} as Record<'branch' | 'secondTeam' | 'plant' | 'refinery' | 'group' | 'mine', string>;

beforeAll(async () => {
  for (const [key, name] of Object.entries({ branch: '采油一队党支部', secondTeam: '采油二队党支部', plant: '第一采油厂党委', refinery: '炼化分公司党委', group: '华油能源集团有限公司党委', mine: '采油一矿党总支' })) {
    org[key as keyof typeof org] = gid('Organization', await orgId(db, name));
  }
});

const CASE = `query($id: ID!) { experienceCase(id: $id) { title status likeCount commentCount adoptionCount likedByMe
  sections { backgroundHtml practiceHtml resultsHtml } bodyHtml
  comments(first: 20) { totalCount nodes { id body hiddenAt hiddenReason authorName } }
  adoptions { note organization { name } } featuredBy { name } } }`;

describe('writing and publishing a case', () => {
  it('sanitises each section, composes the body, and goes through the shared workflow', async () => {
    const created = await ok(as.editor, `mutation($i: CaseCreateInput!) { caseCreate(input: $i) { experienceCase { id status sections { practiceHtml } } userErrors { code message } } }`, {
      i: {
        organizationId: org.branch,
        title: '“井口夜校”提升青年员工技能',
        summary: '利用交接班间隙开展十五分钟技能微课堂。',
        backgroundHtml: '<p>青年员工多，技能短板明显。</p>',
        practiceHtml: '<p onclick="steal()">党员骨干轮流授课<script>alert(1)</script></p>',
        resultsHtml: '<p>一年内<strong>二十三名</strong>青年员工取得中级工证书。</p>',
        tags: ['青年', '技能培训'],
        visibility: 'PUBLIC',
      },
    });
    caseId = created.caseCreate.experienceCase.id;
    expect(created.caseCreate.experienceCase).toMatchObject({ status: 'DRAFT', sections: { practiceHtml: '<p>党员骨干轮流授课</p>' } });
    // Nobody approves their own work, and a disclosure is not approved through the shared workflow.
    await ok(as.editor, `mutation($id: ID!) { contentSubmit(id: $id) { item { ... on ExperienceCase { status } } userErrors { code message } } }`, { id: caseId });
    const disclosure = (await db.query<{ id: string }>(`select id from content where kind = 'DISCLOSURE' limit 1`))[0]!.id;
    expect(outcome(await as.plantReviewer(`mutation($id: ID!) { contentApprove(id: $id) { userErrors { code } } }`, { id: gid('Disclosure', disclosure) }), 'contentApprove')).toBe('BAD_USER_INPUT');
    expect(outcome(await as.member(`mutation($id: ID!) { contentApprove(id: $id) { userErrors { code } } }`, { id: caseId }), 'contentApprove')).toBe('NOT_FOUND');
    await ok(as.plantReviewer, `mutation($id: ID!) { contentApprove(id: $id) { item { ... on ExperienceCase { status } } userErrors { code message } } }`, { id: caseId });
    const read = (await ok(as.anonymous, CASE, { id: caseId })).experienceCase;
    expect(read.status).toBe('PUBLISHED');
    expect(read.bodyHtml).toBe('<h2>背景</h2><p>青年员工多，技能短板明显。</p><h2>做法</h2><p>党员骨干轮流授课</p><h2>成效</h2><p>一年内<strong>二十三名</strong>青年员工取得中级工证书。</p>');
    const hit = await ok(as.anonymous, `{ search(query: "井口夜校", first: 5, kinds: [CASE]) { totalCount edges { snippet } } }`);
    expect(hit.search.totalCount).toBe(1);
  });
});

describe('comments', () => {
  let commentId: string;

  it('members comment; a reviewer of the owner hides with a reason; only the author and moderators still see it', async () => {
    const c = await ok(as.powerMember, `mutation($id: ID!) { caseComment(id: $id, body: "很实用，我们供电所也准备试一试！<b>好</b>") { comment { id body } userErrors { code message } } }`, { id: caseId });
    commentId = c.caseComment.comment.id;
    expect(c.caseComment.comment.body).toBe('很实用，我们供电所也准备试一试！<b>好</b>'); // plain text, escaped by whoever renders it
    await ok(as.member, `mutation($id: ID!) { caseComment(id: $id, body: "支持！") { userErrors { code message } } }`, { id: caseId });
    expect((await ok(as.anonymous, CASE, { id: caseId })).experienceCase.commentCount).toBe(2);

    // Only the owner's reviewers and admins moderate.
    for (const who of ['member', 'refineryAdmin', 'powerAdmin'] as const) {
      const res = await as[who](`mutation($id: ID!) { caseCommentHide(id: $id, reason: "无关") { userErrors { code } } }`, { id: commentId });
      expect(outcome(res, 'caseCommentHide'), who).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    await ok(as.plantReviewer, `mutation($id: ID!) { caseCommentHide(id: $id, reason: "含个人联系方式，暂时隐藏") { comment { hiddenAt } userErrors { code message } } }`, { id: commentId });
    const again = await as.plantReviewer(`mutation($id: ID!) { caseCommentHide(id: $id, reason: "重复") { userErrors { code } } }`, { id: commentId });
    expect(outcome(again, 'caseCommentHide')).toBe('CONFLICT');

    const anonymous = (await ok(as.anonymous, CASE, { id: caseId })).experienceCase;
    expect(anonymous.commentCount).toBe(1);
    expect(anonymous.comments.totalCount).toBe(1);
    expect(anonymous.comments.nodes.map((n: any) => n.body)).toEqual(['支持！']);
    const author = (await ok(as.powerMember, CASE, { id: caseId })).experienceCase;
    expect(author.comments.nodes.find((n: any) => n.id === commentId)).toMatchObject({ hiddenReason: '含个人联系方式，暂时隐藏' });
    expect((await ok(as.plantReviewer, CASE, { id: caseId })).experienceCase.comments.totalCount).toBe(2);
    expect((await as.member(`query($id: ID!) { node(id: $id) { id } }`, { id: commentId })).data!.node).toBeNull();

    await ok(as.plantReviewer, `mutation($id: ID!) { caseCommentRestore(id: $id, reason: "已删除联系方式") { userErrors { code message } } }`, { id: commentId });
    expect((await ok(as.anonymous, CASE, { id: caseId })).experienceCase.commentCount).toBe(2);
  });

  it('refuses anonymous, empty, oversized and control-character comments', async () => {
    expect(outcome(await as.anonymous(`mutation($id: ID!) { caseComment(id: $id, body: "匿名") { userErrors { code } } }`, { id: caseId }), 'caseComment')).toBe('UNAUTHENTICATED');
    for (const body of ['   ', '长'.repeat(1001), '坏\u0007字符']) {
      const res = await as.member(`mutation($id: ID!, $b: String!) { caseComment(id: $id, body: $b) { userErrors { code field } } }`, { id: caseId, b: body });
      expect(res.data!.caseComment.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'body'] }]);
    }
    expect((await db.query(`select id from case_comment`)).length).toBe(2);
  });
});

describe('likes', () => {
  it('one per user, under concurrent clicks; undo once', async () => {
    const like = (gql: Gql) => gql(`mutation($id: ID!) { caseLike(id: $id) { likeCount userErrors { code } } }`, { id: caseId });
    const burst = await Promise.all(Array.from({ length: 12 }, () => like(as.member)));
    expect(burst.map((r) => outcome(r, 'caseLike')).sort()).toEqual([...Array(11).fill('CONFLICT'), 'OK']);
    const users = await Promise.all([as.editor, as.plantReviewer, as.plantAdmin, as.groupAdmin, as.refineryAdmin, as.powerMember].map(like));
    expect(users.map((r) => outcome(r, 'caseLike'))).toEqual(Array(6).fill('OK'));
    const read = (await ok(as.member, CASE, { id: caseId })).experienceCase;
    expect(read).toMatchObject({ likeCount: 7, likedByMe: true });
    expect((await db.query<{ n: number }>(`select count(*)::int as n from content_like`))[0]!.n).toBe(7);

    await ok(as.member, `mutation($id: ID!) { caseUnlike(id: $id) { userErrors { code message } } }`, { id: caseId });
    expect(outcome(await as.member(`mutation($id: ID!) { caseUnlike(id: $id) { userErrors { code } } }`, { id: caseId }), 'caseUnlike')).toBe('CONFLICT');
    expect(outcome(await as.anonymous(`mutation($id: ID!) { caseLike(id: $id) { userErrors { code } } }`, { id: caseId }), 'caseLike')).toBe('UNAUTHENTICATED');
    expect((await ok(as.anonymous, CASE, { id: caseId })).experienceCase).toMatchObject({ likeCount: 6, likedByMe: false });
  });
});

describe('adoptions', () => {
  it('another organisation adopts once, with a note; the owner cannot adopt its own case', async () => {
    const adopt = (gql: Gql, organizationId: string, note = '在本队推广，效果良好') =>
      gql(`mutation($id: ID!, $o: ID!, $n: String!) { caseAdopt(id: $id, organizationId: $o, note: $n) { adoption { id note organization { name } } userErrors { code field } } }`, { id: caseId, o: organizationId, n: note });
    expect(outcome(await adopt(as.editor, org.branch), 'caseAdopt')).toBe('BAD_USER_INPUT');
    // A member does not speak for the organisation; another committee's admin not for this one.
    expect(outcome(await adopt(as.member, org.branch), 'caseAdopt')).toBe('FORBIDDEN');
    expect(outcome(await adopt(as.refineryAdmin, org.secondTeam), 'caseAdopt')).toBe('FORBIDDEN');

    const burst = await Promise.all(Array.from({ length: 6 }, () => adopt(as.plantAdmin, org.secondTeam, '采油二队推行“夜校”，每周两次')));
    expect(burst.map((r) => outcome(r, 'caseAdopt')).sort()).toEqual([...Array(5).fill('CONFLICT'), 'OK']);
    await ok(as.refineryAdmin, `mutation($id: ID!, $o: ID!) { caseAdopt(id: $id, organizationId: $o, note: "炼化分公司借鉴推广") { userErrors { code message } } }`, { id: caseId, o: org.refinery });
    const read = (await ok(as.anonymous, CASE, { id: caseId })).experienceCase;
    expect(read.adoptionCount).toBe(2);
    expect(read.adoptions.map((a: any) => a.organization.name).sort()).toEqual(['炼化分公司党委', '采油二队党支部']);
    const adopted = await ok(as.anonymous, `query($o: ID!) { experienceCases(first: 10, filter: { adoptedBy: $o }) { nodes { id } } }`, { o: org.refinery });
    expect(adopted.experienceCases.nodes.map((n: any) => n.id)).toEqual([caseId]);
  });
});

describe('featuring (优秀案例) and orders', () => {
  it('a level above features it; its portal lists it first; others and non-ancestors cannot', async () => {
    const feature = (gql: Gql, o: string) => gql(`mutation($id: ID!, $o: ID!) { caseFeature(id: $id, organizationId: $o) { experienceCase { featuredBy { name } } userErrors { code field } } }`, { id: caseId, o });
    expect(outcome(await feature(as.editor, org.branch), 'caseFeature')).toBe('FORBIDDEN'); // an editor does not decide
    expect(outcome(await feature(as.refineryAdmin, org.refinery), 'caseFeature')).toBe('BAD_USER_INPUT'); // not above the owner
    expect(outcome(await feature(as.plantAdmin, org.branch), 'caseFeature')).toBe('BAD_USER_INPUT'); // the owner itself
    const done = await ok(as.plantReviewer, `mutation($id: ID!, $o: ID!) { caseFeature(id: $id, organizationId: $o) { experienceCase { featuredBy { name } } userErrors { code message } } }`, { id: caseId, o: org.mine });
    expect(done.caseFeature.experienceCase.featuredBy).toEqual([{ name: '采油一矿党总支' }]);
    expect(outcome(await feature(as.plantReviewer, org.mine), 'caseFeature')).toBe('CONFLICT');

    const featured = await ok(as.anonymous, `query($o: ID!) { experienceCases(first: 10, filter: { featuredBy: $o }) { totalCount nodes { title } } }`, { o: org.plant });
    expect(featured.experienceCases.nodes.map((n: any) => n.title)).toEqual(['“党员责任区”让每口油井都有人管']);
  });

  it('sorts by most liked and most adopted, paging with stable cursors', async () => {
    const liked = await ok(as.anonymous, `{ experienceCases(first: 1, orderBy: MOST_LIKED) { totalCount pageInfo { endCursor hasNextPage } nodes { id likeCount } } }`);
    expect(liked.experienceCases.nodes[0]).toEqual({ id: caseId, likeCount: 6 });
    const next = await ok(as.anonymous, `query($a: String) { experienceCases(first: 10, after: $a, orderBy: MOST_LIKED) { nodes { id likeCount } } }`, { a: liked.experienceCases.pageInfo.endCursor });
    expect(next.experienceCases.nodes.map((n: any) => n.id)).not.toContain(caseId);
    expect(1 + next.experienceCases.nodes.length).toBe(liked.experienceCases.totalCount);
    const adopted = await ok(as.anonymous, `{ experienceCases(first: 5, orderBy: MOST_ADOPTED) { nodes { adoptionCount } } }`);
    const counts = adopted.experienceCases.nodes.map((n: any) => n.adoptionCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(counts[0]).toBe(2);
    const forged = await as.anonymous(`{ experienceCases(first: 5, after: "bm9wZQ", orderBy: MOST_LIKED) { nodes { id } } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('closes comments, likes and adoptions once archived', async () => {
    await ok(as.plantReviewer, `mutation($id: ID!) { contentArchive(id: $id) { userErrors { code message } } }`, { id: caseId });
    expect(outcome(await as.plantReviewer(`mutation($id: ID!) { caseComment(id: $id, body: "归档后评论") { userErrors { code } } }`, { id: caseId }), 'caseComment')).toBe('CONFLICT');
    // Visitors no longer find it at all.
    expect(outcome(await as.member(`mutation($id: ID!) { caseLike(id: $id) { userErrors { code } } }`, { id: caseId }), 'caseLike')).toBe('NOT_FOUND');
  });
});

describe('batched relations', () => {
  it('lists cases and resources with their relations in the same statements for 1 and 50 items', async () => {
    for (let i = 0; i < 50; i++) {
      const c = await ok(as.editor, `mutation($i: CaseCreateInput!) { caseCreate(input: $i) { experienceCase { id } userErrors { code message } } }`, {
        i: { organizationId: org.branch, title: `批量案例${i}`, practiceHtml: '<p>做法</p>', tags: ['批量'] },
      });
      await ok(as.editor, `mutation($id: ID!) { contentSubmit(id: $id) { userErrors { code message } } }`, { id: c.caseCreate.experienceCase.id });
      await ok(as.plantReviewer, `mutation($id: ID!) { contentApprove(id: $id) { userErrors { code message } } }`, { id: c.caseCreate.experienceCase.id });
    }
    const statements = async (query: string, n: number) => {
      const requestId = `exchange-${n}-${Date.now()}-${Math.random()}`;
      const res = await api.gql(query, { n }, { 'x-request-id': requestId, authorization: `Bearer ${tokens.member}` });
      expect(res.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 20));
      return api.logs.find((l) => l.requestId === requestId && l.msg === 'request')!.statements as number;
    };
    const CASES = `query($n: Int!) { experienceCases(first: $n, filter: { tags: ["批量"] }) { totalCount nodes {
      title likeCount likedByMe sections { practiceHtml } authorName organization { name parent { name } } adoptions { note } featuredBy { name } } } }`;
    const one = await statements(CASES, 1);
    expect(await statements(CASES, 50)).toBe(one);
    const RESOURCES = `query($n: Int!) { sharedResources(first: $n) { totalCount nodes { title resourceKind access shareScope topics usableByMe attachments { fileName } organization { name } } } }`;
    // The newest resource is OPEN; among the four, ON_REQUEST ones add two batched lookups (the
    // owner side, the approved requests) however many there are.
    const r1 = await statements(RESOURCES, 1);
    expect(await statements(RESOURCES, 4)).toBe(r1 + 2);
  });
});
