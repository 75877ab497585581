/**
 * PARTNERS visibility follows the partnership state at once — for cases, resources, their files,
 * lists, counts, search and subscriptions — seen by: a member of the owner's enterprise, a member of
 * an enterprise that is an active / proposed / ended partner, a member of an unrelated enterprise,
 * and an anonymous visitor. All through the real endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, signIn, withToken, type Gql, expectOk as ok } from '../support/identity.js';
import { collect, type Collector } from '../support/subscriptions.js';

const suite = useSuite({
  logins: {
    groupAdmin: DEMO.groupAdmin,
    powerAdmin: DEMO.powerAdmin,
    plantAdmin: DEMO.plantAdmin,
    plantReviewer: DEMO.plantReviewer,
    platformAdmin: DEMO.platformAdmin,
    own: DEMO.member,
    partner: '13900000002', // 周强, 城东供电所党支部 (江川供电)
  },
});
const { db, api } = suite;
const tokens = {} as Record<'own' | 'partner' | 'bank' | 'groupAdmin' | 'powerAdmin' | 'bankAdmin' | 'plantAdmin' | 'plantReviewer' | 'platformAdmin', string>;
const as = {} as Record<'own' | 'partner' | 'bank' | 'anonymous' | 'groupAdmin' | 'powerAdmin' | 'bankAdmin' | 'plantAdmin' | 'plantReviewer' | 'platformAdmin', Gql>;
const ent = {} as Record<'huayou' | 'power' | 'bank', string>;
let partnerCase: string; // PARTNERS case of the oil group (demo)
let partnerResource: string; // PARTNERS, OPEN resource with a file
let fileUrl: string;
const subs: Collector[] = [];

/** A third enterprise, 南岭银行, with a root organisation, an admin and a member. */
async function createBank(): Promise<void> {
  const [e] = await db.query<{ id: number }>(`insert into enterprise (slug, name, short_name) values ('nanling-bank', '南岭银行股份有限公司', '南岭银行') returning id`);
  const [o] = await db.query<{ id: number }>(
    `with n as (select nextval('organization_id_seq') as id)
     insert into organization (id, enterprise_id, level, name, path, depth) select n.id, $1, 'COMMITTEE', '南岭银行党委', '/' || n.id || '/', 0 from n returning id`,
    [e!.id],
  );
  ent.bank = gid('Enterprise', e!.id);
  for (const [login, role] of [['admin@nlbank.example', 'ORG_ADMIN'], ['13700000003', 'MEMBER']] as const) {
    await ok(as.platformAdmin, `mutation($i: MemberAccountCreateInput!) { memberAccountCreate(input: $i) { userErrors { code message } } }`, {
      i: { displayName: login.includes('@') ? '吴敏' : '郑凯', ...(login.includes('@') ? { email: login } : { phone: login }), password: DEMO_PASSWORD, organizationId: gid('Organization', o!.id), role },
    });
  }
}

beforeAll(async () => {
  for (const k of ['groupAdmin', 'powerAdmin', 'plantAdmin', 'plantReviewer', 'platformAdmin', 'own', 'partner'] as const) {
    tokens[k] = suite.tokens[k];
    as[k] = suite.as[k];
  }
  as.anonymous = suite.as.anonymous;
  await createBank();
  tokens.bank = await signIn(api, '13700000003');
  tokens.bankAdmin = await signIn(api, 'admin@nlbank.example');
  as.bank = withToken(api, tokens.bank);
  as.bankAdmin = withToken(api, tokens.bankAdmin);
  const ids = await db.query<{ id: number; slug: string }>(`select id, slug from enterprise`);
  ent.huayou = gid('Enterprise', ids.find((e) => e.slug === 'huayou')!.id);
  ent.power = gid('Enterprise', ids.find((e) => e.slug === 'jiangchuan-power')!.id);

  const [c] = await db.query<{ id: string }>(`select id from content where title = '“三会一课”搬进中控室：倒班员工也能学'`);
  partnerCase = gid('ExperienceCase', c!.id);

  // A PARTNERS, OPEN resource of the oil plant with a PDF, through the whole workflow.
  const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
  const upload = await fetch(`${api.baseUrl}/media?organizationId=${plant}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('安全生产党课讲稿.pdf'), authorization: `Bearer ${tokens.plantAdmin}` },
    body: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 32)])),
  });
  const file = (await upload.json()) as { id: string; url: string };
  fileUrl = file.url;
  const created = await ok(as.plantAdmin, `mutation($i: ResourceCreateInput!) { resourceCreate(input: $i) { sharedResource { id } userErrors { code message } } }`, {
    i: { organizationId: plant, resourceKind: 'COURSEWARE', title: '安全生产专题党课课件', bodyHtml: '<p>采油厂安全生产专题党课，附讲稿。</p>', shareScope: 'PARTNERS', access: 'OPEN', attachmentIds: [file.id] },
  });
  partnerResource = created.resourceCreate.sharedResource.id;
  await ok(as.plantAdmin, `mutation($id: ID!) { contentSubmit(id: $id) { userErrors { code message } } }`, { id: partnerResource });
  await ok(as.plantReviewer, `mutation($id: ID!) { contentApprove(id: $id) { userErrors { code message } } }`, { id: partnerResource });
});

afterAll(async () => {
  for (const s of subs) await s.dispose();
});

type Viewer = 'own' | 'partner' | 'bank' | 'anonymous';

/** Every way a viewer could learn of the two PARTNERS items; each must say the same thing. */
async function observe(viewer: Viewer): Promise<Record<string, boolean>> {
  const gql = as[viewer];
  const res = await gql(
    `query($c: ID!, $r: ID!) {
      experienceCase(id: $c) { id }
      sharedResource(id: $r) { id attachments { fileName } }
      experienceCases(first: 100) { totalCount nodes { id } }
      sharedResources(first: 100) { totalCount nodes { id } }
      caseSearch: search(query: "中控室", first: 10, kinds: [CASE]) { totalCount edges { node { ... on ExperienceCase { id } } } }
      resourceSearch: search(query: "安全生产专题", first: 10, kinds: [RESOURCE]) { totalCount edges { node { ... on SharedResource { id } } } }
      node(id: $c) { id }
    }`,
    { c: partnerCase, r: partnerResource },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const d = res.data!;
  const cases: string[] = d.experienceCases.nodes.map((n: any) => n.id);
  const resources: string[] = d.sharedResources.nodes.map((n: any) => n.id);
  // Totals never count what the page hides.
  expect(d.experienceCases.totalCount).toBe(cases.length);
  expect(d.sharedResources.totalCount).toBe(resources.length);
  expect(d.caseSearch.totalCount).toBe(d.caseSearch.edges.length);
  const file = await fetch(`${api.baseUrl}${fileUrl}`, { headers: viewer === 'anonymous' ? {} : { authorization: `Bearer ${tokens[viewer]}` } });
  await file.arrayBuffer();
  expect([200, 404]).toContain(file.status);
  return {
    caseById: d.experienceCase !== null,
    caseNode: d.node !== null,
    caseInList: cases.includes(partnerCase),
    caseInSearch: d.caseSearch.edges.some((e: any) => e.node.id === partnerCase),
    resourceById: d.sharedResource !== null,
    resourceInList: resources.includes(partnerResource),
    resourceInSearch: d.resourceSearch.edges.some((e: any) => e.node.id === partnerResource),
    file: file.status === 200,
  };
}

let cells = 0;
async function expectSees(viewer: Viewer, visible: boolean) {
  const seen = await observe(viewer);
  cells += Object.keys(seen).length;
  expect(seen, `${viewer} should ${visible ? '' : 'not '}see the PARTNERS items`).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, visible])));
}

const PARTNERSHIPS = `query($e: String!) { enterprise(slug: $e) { partners { slug } partnerships { id status proposer { slug } partner { slug } } } }`;

async function partnershipBetween(a: Gql, slug: string, other: string) {
  const d = await ok(a, PARTNERSHIPS, { e: slug });
  return d.enterprise.partnerships.find((p: any) => (p.proposer.slug === other || p.partner.slug === other) && ['PROPOSED', 'ACTIVE'].includes(p.status));
}

describe('PARTNERS visibility by partnership state', () => {
  it('active partner (the demo partnership): own and partner members see everything, the bank and visitors nothing', async () => {
    expect((await ok(as.anonymous, `{ enterprise(slug: "huayou") { partners { slug } } }`)).enterprise.partners).toEqual([{ slug: 'jiangchuan-power' }]);
    await expectSees('own', true);
    await expectSees('partner', true);
    await expectSees('bank', false);
    await expectSees('anonymous', false);
  });

  it('ended partner: the partner stops seeing at once (lists, counts, search, node, files)', async () => {
    const p = await partnershipBetween(as.groupAdmin, 'huayou', 'jiangchuan-power');
    // Either side may end it; the power company does.
    const ended = await ok(as.powerAdmin, `mutation($id: ID!) { partnershipEnd(id: $id) { partnership { status } userErrors { code message } } }`, { id: p.id });
    expect(ended.partnershipEnd.partnership.status).toBe('ENDED');
    await expectSees('partner', false);
    await expectSees('own', true);
    await expectSees('bank', false);
  });

  it('proposed but not accepted: nothing is shared yet', async () => {
    const proposed = await ok(as.groupAdmin, `mutation($a: ID!, $b: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $b, message: "恢复共建") { partnership { id status } userErrors { code message } } }`, { a: ent.huayou, b: ent.power });
    expect(proposed.partnershipPropose.partnership.status).toBe('PROPOSED');
    const bankProposal = await ok(as.bankAdmin, `mutation($a: ID!, $b: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $b) { partnership { id status } userErrors { code message } } }`, { a: ent.bank, b: ent.huayou });
    expect(bankProposal.partnershipPropose.partnership.status).toBe('PROPOSED');
    await expectSees('partner', false);
    await expectSees('bank', false);
    await expectSees('anonymous', false);
  });

  it('accepted again: shared again, at once', async () => {
    const p = await partnershipBetween(as.powerAdmin, 'jiangchuan-power', 'huayou');
    const accepted = await ok(as.powerAdmin, `mutation($id: ID!) { partnershipAccept(id: $id) { partnership { status } userErrors { code message } } }`, { id: p.id });
    expect(accepted.partnershipAccept.partnership.status).toBe('ACTIVE');
    await expectSees('partner', true);
    await expectSees('bank', false);
  });

  it('declined: the bank still sees nothing', async () => {
    const p = await partnershipBetween(as.groupAdmin, 'huayou', 'nanling-bank');
    const declined = await ok(as.groupAdmin, `mutation($id: ID!) { partnershipDecline(id: $id, reason: "暂不开展") { partnership { status declineReason } userErrors { code message } } }`, { id: p.id });
    expect(declined.partnershipDecline.partnership).toEqual({ status: 'DECLINED', declineReason: '暂不开展' });
    await expectSees('bank', false);
    // 13 (viewer, state) pairs × 8 observations each.
    expect(cells).toBe(13 * 8);
  });
});

describe('live updates follow the partnership too', () => {
  const SUB = `subscription { contentPublished(portalSlug: "huayou", kinds: [CASE]) { ... on ExperienceCase { id title } } }`;

  async function publishCase(title: string): Promise<string> {
    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const editor = withToken(api, await signIn(api, DEMO.branchEditor));
    const created = await ok(editor, `mutation($i: CaseCreateInput!) { caseCreate(input: $i) { experienceCase { id } userErrors { code message } } }`, {
      i: { organizationId: branch, title, practiceHtml: '<p>做法</p>', visibility: 'PARTNERS' },
    });
    const id = created.caseCreate.experienceCase.id;
    await ok(editor, `mutation($id: ID!) { contentSubmit(id: $id) { userErrors { code message } } }`, { id });
    await ok(as.plantReviewer, `mutation($id: ID!) { contentApprove(id: $id) { userErrors { code message } } }`, { id });
    return id;
  }

  it('a partner subscriber receives PARTNERS cases while active, and none after the end', async () => {
    const own = await collect(api.url, SUB, {}, tokens.own);
    const partner = await collect(api.url, SUB, {}, tokens.partner);
    const bank = await collect(api.url, SUB, {}, tokens.bank);
    subs.push(own, partner, bank);

    const first = await publishCase('共建期间发布的案例');
    await own.waitFor((e) => e.contentPublished.id === first);
    await partner.waitFor((e) => e.contentPublished.id === first);

    const p = await partnershipBetween(as.groupAdmin, 'huayou', 'jiangchuan-power');
    await ok(as.groupAdmin, `mutation($id: ID!) { partnershipEnd(id: $id) { userErrors { code message } } }`, { id: p.id });
    const second = await publishCase('共建结束后发布的案例');
    await own.waitFor((e) => e.contentPublished.id === second);
    await new Promise((r) => setTimeout(r, 300));
    expect(partner.events.map((e) => e.contentPublished.id)).toEqual([first]);
    expect(bank.events).toEqual([]);
  });
});

describe('partnership rules', () => {
  it('only top-level admins act; the proposer cannot accept; pairs are unique; outsiders learn nothing', async () => {
    // Not a top-level admin.
    const byPlant = await as.plantAdmin(`mutation($a: ID!, $b: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $b) { userErrors { code } } }`, { a: ent.huayou, b: ent.bank });
    expect(outcome(byPlant, 'partnershipPropose')).toBe('FORBIDDEN');
    const self = await as.groupAdmin(`mutation($a: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $a) { userErrors { code } } }`, { a: ent.huayou });
    expect(outcome(self, 'partnershipPropose')).toBe('BAD_USER_INPUT');

    const proposed = await ok(as.groupAdmin, `mutation($a: ID!, $b: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $b) { partnership { id } userErrors { code message } } }`, { a: ent.huayou, b: ent.bank });
    const id = proposed.partnershipPropose.partnership.id;
    const again = await as.bankAdmin(`mutation($a: ID!, $b: ID!) { partnershipPropose(enterpriseId: $a, partnerEnterpriseId: $b) { userErrors { code } } }`, { a: ent.bank, b: ent.huayou });
    expect(outcome(again, 'partnershipPropose')).toBe('CONFLICT');
    const ownAccept = await as.groupAdmin(`mutation($id: ID!) { partnershipAccept(id: $id) { userErrors { code } } }`, { id });
    expect(outcome(ownAccept, 'partnershipAccept')).toBe('CONFLICT');
    const outsider = await as.powerAdmin(`mutation($id: ID!) { partnershipAccept(id: $id) { userErrors { code } } }`, { id });
    expect(outcome(outsider, 'partnershipAccept')).toBe('NOT_FOUND');
    expect((await as.powerAdmin(`query($id: ID!) { partnership(id: $id) { id } }`, { id })).data!.partnership).toBeNull();
    const member = await as.bank(`{ enterprise(slug: "nanling-bank") { partnerships { id } } }`);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await as.anonymous(`mutation($id: ID!) { partnershipEnd(id: $id) { userErrors { code } } }`, { id });
    expect(outcome(anonymous, 'partnershipEnd')).toBe('UNAUTHENTICATED');

    // Two admins accepting at once: one wins, the links are written once.
    const results = await Promise.all([0, 1, 2].map(() => as.bankAdmin(`mutation($id: ID!) { partnershipAccept(id: $id) { userErrors { code } } }`, { id })));
    expect(results.map((r) => outcome(r, 'partnershipAccept')).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const links = await db.query<{ n: number }>(`select count(*)::int as n from partner_link l join partnership p on p.id = l.partnership_id where p.status = 'ACTIVE' and (select slug from enterprise where id = l.enterprise_id) = 'nanling-bank'`);
    expect(links[0]!.n).toBe(1);
    await expectSees('bank', true);
  });
});
