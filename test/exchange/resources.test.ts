/**
 * 共建共享 end to end: requesting access to an ON_REQUEST resource, the decision told to the
 * requester over the subscription, access following approval and revocation, the typed errors
 * for requests that make no sense, downloads counted exactly under concurrency, usage figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, type Gql, expectOk as ok } from '../support/identity.js';
import { collect, type Collector } from '../support/subscriptions.js';

type Who = 'groupAdmin' | 'plantAdmin' | 'member' | 'powerAdmin' | 'powerMember' | 'platformAdmin' | 'refineryAdmin';
const { db, api, as, tokens } = useSuite({
  logins: {
    groupAdmin: DEMO.groupAdmin,
    plantAdmin: DEMO.plantAdmin,
    member: DEMO.member,
    powerAdmin: DEMO.powerAdmin,
    powerMember: '13900000002',
    platformAdmin: DEMO.platformAdmin,
    refineryAdmin: DEMO.refineryAdmin,
  } satisfies Record<Who, string>,
});
let base: string; // 石油精神教育基地: PARTNERS, ON_REQUEST (demo), with a file added here
let lesson: string; // 微党课: PUBLIC, OPEN (demo)
let fileId: string;
let fileUrl: string;
let cityCommittee: string; // 城区供电分公司党委: the requesting organisation of the demo's pending request
const subs: Collector[] = [];

const contentGid = async (type: string, title: string) => gid(type, (await db.query<{ id: string }>('select id from content where title = $1', [title]))[0]!.id);

beforeAll(async () => {
  base = await contentGid('SharedResource', '石油精神教育基地');
  lesson = await contentGid('SharedResource', '微党课：一口井的坚守');
  cityCommittee = gid('Organization', await orgId(db, '城区供电分公司党委'));

  const root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
  const res = await fetch(`${api.baseUrl}/media?organizationId=${root}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('参观预约须知.pdf'), authorization: `Bearer ${tokens.groupAdmin}` },
    body: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 32)])),
  });
  const file = (await res.json()) as { id: string; url: string };
  fileId = file.id;
  fileUrl = file.url;
  // A reviewer or admin above the owner may correct a published item: attach the file.
  await ok(as.groupAdmin, `mutation($id: ID!, $i: ResourceUpdateInput!) { resourceUpdate(id: $id, input: $i) { userErrors { code message } } }`, { id: base, i: { attachmentIds: [fileId] } });
});

afterAll(async () => {
  for (const s of subs) await s.dispose();
});

const REQUESTS = `query($d: ResourceRequestDirection) { resourceRequests(first: 20, filter: { direction: $d }) { totalCount nodes { id status purpose decisionReason active organization { name } resource { title } } } }`;
const download = (gql: Gql, id = base) => gql(`mutation($id: ID!, $f: ID!) { resourceDownload(id: $id, fileId: $f) { url downloadCount userErrors { code message } } }`, { id, f: fileId });
const fetchFile = async (token?: string) => {
  const res = await fetch(`${api.baseUrl}${fileUrl}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await res.arrayBuffer();
  return res.status;
};

describe('the request flow', () => {
  let pending: string;

  it('a partner sees the ON_REQUEST resource but cannot use it before approval', async () => {
    const d = await ok(as.powerMember, `query($id: ID!) { sharedResource(id: $id) { title access shareScope resourceKind address openingDetails usableByMe attachments { fileName } } }`, { id: base });
    expect(d.sharedResource).toMatchObject({ title: '石油精神教育基地', access: 'ON_REQUEST', shareScope: 'PARTNERS', resourceKind: 'EDUCATION_BASE', address: '油城市建设路一号', usableByMe: false, attachments: [{ fileName: '参观预约须知.pdf' }] });
    expect(outcome(await download(as.powerMember), 'resourceDownload')).toBe('FORBIDDEN');
    expect(await fetchFile(tokens.powerMember)).toBe(404);
    // The owner's side uses it without asking.
    expect((await ok(as.member, `query($id: ID!) { sharedResource(id: $id) { usableByMe } }`, { id: base })).sharedResource.usableByMe).toBe(false);
    expect((await ok(as.groupAdmin, `query($id: ID!) { sharedResource(id: $id) { usableByMe } }`, { id: base })).sharedResource.usableByMe).toBe(true);
  });

  it('both sides list the demo’s pending request; others do not', async () => {
    const outgoing = await ok(as.powerAdmin, REQUESTS, { d: 'OUTGOING' });
    expect(outgoing.resourceRequests.nodes).toMatchObject([{ status: 'PENDING', organization: { name: '城区供电分公司党委' }, resource: { title: '石油精神教育基地' } }]);
    pending = outgoing.resourceRequests.nodes[0].id;
    const incoming = await ok(as.groupAdmin, REQUESTS, { d: 'INCOMING' });
    expect(incoming.resourceRequests.nodes.map((n: any) => n.id)).toEqual([pending]);
    // A member, a sibling committee's admin and anonymous see none.
    for (const who of ['member', 'refineryAdmin', 'powerMember', 'anonymous'] as const) {
      const d = await ok(as[who], REQUESTS, {});
      expect(d.resourceRequests, who).toEqual({ totalCount: 0, nodes: [] });
    }
    expect((await as.member(`query($id: ID!) { node(id: $id) { id } }`, { id: pending })).data!.node).toBeNull();
  });

  it('refuses requests that make no sense, each with its code', async () => {
    const ask = (gql: Gql, id: string, org: string) =>
      gql(`mutation($id: ID!, $o: ID!) { resourceRequestAccess(id: $id, organizationId: $o, purpose: "组织党员学习") { request { id } userErrors { code message } } }`, { id, o: org });
    // Duplicate pending request of the same organisation.
    expect(outcome(await ask(as.powerAdmin, base, cityCommittee), 'resourceRequestAccess')).toBe('CONFLICT');
    // An OPEN resource needs no request.
    expect(outcome(await ask(as.powerAdmin, lesson, cityCommittee), 'resourceRequestAccess')).toBe('CONFLICT');
    // The owner (and whoever is above it) uses it already.
    const root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
    expect(outcome(await ask(as.groupAdmin, base, root), 'resourceRequestAccess')).toBe('CONFLICT');
    // A member cannot speak for the organisation; anonymous must sign in.
    const branch = gid('Organization', await orgId(db, '城东供电所党支部'));
    expect(outcome(await ask(as.powerMember, base, branch), 'resourceRequestAccess')).toBe('FORBIDDEN');
    expect(outcome(await ask(as.anonymous, base, branch), 'resourceRequestAccess')).toBe('NOT_FOUND');
    // An empty or oversized purpose.
    const empty = await as.powerAdmin(`mutation($id: ID!, $o: ID!) { resourceRequestAccess(id: $id, organizationId: $o, purpose: "  ") { userErrors { code field } } }`, { id: base, o: branch });
    expect(empty.data!.resourceRequestAccess.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'purpose'] }]);
    expect(await db.query('select id from resource_request')).toHaveLength(1);
  });

  it('nobody approves their own request', async () => {
    // The platform admin may act on both sides; asking and deciding stay two people.
    const branch = gid('Organization', await orgId(db, '配电运检班党支部'));
    const mine = await ok(as.platformAdmin, `mutation($id: ID!, $o: ID!) { resourceRequestAccess(id: $id, organizationId: $o, purpose: "运检班主题党日") { request { id } userErrors { code message } } }`, { id: base, o: branch });
    const id = mine.resourceRequestAccess.request.id;
    const self = await as.platformAdmin(`mutation($id: ID!) { resourceRequestApprove(id: $id) { userErrors { code } } }`, { id });
    expect(outcome(self, 'resourceRequestApprove')).toBe('FORBIDDEN');
    await ok(as.platformAdmin, `mutation($id: ID!) { resourceRequestWithdraw(id: $id) { request { status } userErrors { code message } } }`, { id });
  });

  it('approval reaches the requester live, and grants the organisation’s subtree the use', async () => {
    const live = await collect(api.url, `subscription { resourceRequestChanged(direction: OUTGOING) { id status accessUntil resource { title } } }`, {}, tokens.powerAdmin);
    const stranger = await collect(api.url, `subscription { resourceRequestChanged { id status } }`, {}, tokens.refineryAdmin);
    subs.push(live, stranger);
    // Only the owner's admins decide: a plant admin below the owner sees the resource, but may not.
    expect(outcome(await as.plantAdmin(`mutation($id: ID!) { resourceRequestApprove(id: $id) { userErrors { code } } }`, { id: pending }), 'resourceRequestApprove')).toBe('FORBIDDEN');
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const approved = await ok(as.groupAdmin, `mutation($id: ID!, $u: DateTimeISO) { resourceRequestApprove(id: $id, accessUntil: $u, note: "欢迎参观") { request { status accessUntil } userErrors { code message } } }`, { id: pending, u: until });
    expect(approved.resourceRequestApprove.request.status).toBe('APPROVED');
    const event = await live.waitFor((e) => e.resourceRequestChanged.id === pending && e.resourceRequestChanged.status === 'APPROVED');
    expect(event.resourceRequestChanged.resource.title).toBe('石油精神教育基地');
    expect(stranger.events).toEqual([]);

    // 周强 is a member of 城东供电所, inside the requesting committee's subtree.
    expect((await ok(as.powerMember, `query($id: ID!) { sharedResource(id: $id) { usableByMe } }`, { id: base })).sharedResource.usableByMe).toBe(true);
    const dl = await ok(as.powerMember, `mutation($id: ID!, $f: ID!) { resourceDownload(id: $id, fileId: $f) { url downloadCount userErrors { code message } } }`, { id: base, f: fileId });
    expect(dl.resourceDownload.url).toBe(fileUrl);
    expect(await fetchFile(tokens.powerMember)).toBe(200);
    // Twice approving, or asking again once covered, is refused.
    expect(outcome(await as.groupAdmin(`mutation($id: ID!) { resourceRequestApprove(id: $id) { userErrors { code } } }`, { id: pending }), 'resourceRequestApprove')).toBe('CONFLICT');
    const again = await as.powerAdmin(`mutation($id: ID!, $o: ID!) { resourceRequestAccess(id: $id, organizationId: $o, purpose: "再次申请") { userErrors { code } } }`, { id: base, o: cityCommittee });
    expect(outcome(again, 'resourceRequestAccess')).toBe('CONFLICT');
  });

  it('revocation ends the use at once and is told live too', async () => {
    const live = await collect(api.url, `subscription { resourceRequestChanged { id status } }`, {}, tokens.powerAdmin);
    subs.push(live);
    await ok(as.groupAdmin, `mutation($id: ID!) { resourceRequestRevoke(id: $id) { request { status } userErrors { code message } } }`, { id: pending });
    await live.waitFor((e) => e.resourceRequestChanged.status === 'REVOKED');
    expect(outcome(await download(as.powerMember), 'resourceDownload')).toBe('FORBIDDEN');
    expect(await fetchFile(tokens.powerMember)).toBe(404);
    const listed = await ok(as.powerAdmin, REQUESTS, { d: 'OUTGOING' });
    expect(listed.resourceRequests.nodes.find((n: any) => n.id === pending)).toMatchObject({ status: 'REVOKED', active: false, decisionReason: '欢迎参观' });
  });

  it('a rejection needs a reason, and the requester sees it', async () => {
    const branch = gid('Organization', await orgId(db, '营销服务中心党支部'));
    const made = await ok(as.powerAdmin, `mutation($id: ID!, $o: ID!) { resourceRequestAccess(id: $id, organizationId: $o, purpose: "营销服务中心党员教育") { request { id } userErrors { code message } } }`, { id: base, o: branch });
    const id = made.resourceRequestAccess.request.id;
    const noReason = await as.groupAdmin(`mutation($id: ID!) { resourceRequestReject(id: $id, reason: " ") { userErrors { code field } } }`, { id });
    expect(noReason.data!.resourceRequestReject.userErrors[0].code).toBe('BAD_USER_INPUT');
    await ok(as.groupAdmin, `mutation($id: ID!) { resourceRequestReject(id: $id, reason: "本月预约已满，请下月再申请") { userErrors { code message } } }`, { id });
    const listed = await ok(as.powerAdmin, REQUESTS, { d: 'OUTGOING' });
    expect(listed.resourceRequests.nodes.find((n: any) => n.id === id)).toMatchObject({ status: 'REJECTED', decisionReason: '本月预约已满，请下月再申请' });
  });
});

describe('downloads and usage figures', () => {
  it('counts concurrent downloads exactly once each', async () => {
    const lessonFile = await fetch(`${api.baseUrl}/media?organizationId=${gid('Organization', await orgId(db, '第一采油厂党委'))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('微党课讲稿.pdf'), authorization: `Bearer ${tokens.plantAdmin}` },
      body: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 32)])),
    });
    const f = (await lessonFile.json()) as { id: string };
    await ok(as.plantAdmin, `mutation($id: ID!, $i: ResourceUpdateInput!) { resourceUpdate(id: $id, input: $i) { userErrors { code message } } }`, { id: lesson, i: { attachmentIds: [f.id] } });
    const before = (await ok(as.anonymous, `query($id: ID!) { sharedResource(id: $id) { downloadCount } }`, { id: lesson })).sharedResource.downloadCount;
    const who = [as.anonymous, as.member, as.powerMember, as.refineryAdmin];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => who[i % who.length]!(`mutation($id: ID!, $f: ID!) { resourceDownload(id: $id, fileId: $f) { downloadCount userErrors { code } } }`, { id: lesson, f: f.id })));
    expect(results.map((r) => outcome(r, 'resourceDownload'))).toEqual(Array(40).fill('OK'));
    // Every answer saw a different count: no two downloads counted as one.
    expect(new Set(results.map((r) => r.data!.resourceDownload.downloadCount)).size).toBe(40);
    const after = (await ok(as.anonymous, `query($id: ID!) { sharedResource(id: $id) { downloadCount } }`, { id: lesson })).sharedResource.downloadCount;
    expect(after - before).toBe(40);
    // The most downloaded first, keyset-paged by the count the resource's own row keeps.
    const top = await ok(as.anonymous, `{ sharedResources(first: 1, orderBy: MOST_DOWNLOADED) { pageInfo { endCursor } nodes { id downloadCount } } }`);
    expect(top.sharedResources.nodes).toEqual([{ id: lesson, downloadCount: after }]);
    const rest = await ok(as.anonymous, `query($a: String) { sharedResources(first: 50, after: $a, orderBy: MOST_DOWNLOADED) { nodes { id downloadCount } } }`, { a: top.sharedResources.pageInfo.endCursor });
    expect(rest.sharedResources.nodes.every((n: { id: string; downloadCount: number }) => n.id !== lesson && n.downloadCount <= after)).toBe(true);
    const [daily] = await db.query<{ n: number }>(`select sum(count)::int as n from usage_daily where metric = 'DOWNLOAD' and content_id = $1`, [Buffer.from(lesson, 'base64url').toString().split(':')[1]]);
    expect(daily!.n).toBe(40);
  });

  it('reports views, downloads and requests per period and per organisation to the owner only', async () => {
    for (const gql of [as.groupAdmin, as.member, as.powerMember]) await ok(gql, `mutation($id: ID!) { contentRecordView(id: $id) }`, { id: base });
    const REPORT = `query($id: ID!) { contentUsage(id: $id, interval: DAY) { totals { views downloads adoptions requests } series { periodStart views downloads requests } byOrganization { organization { name } views downloads requests } } }`;
    const report = (await ok(as.groupAdmin, REPORT, { id: base })).contentUsage;
    // Requests: the demo's, the platform admin's (withdrawn) and the rejected one.
    expect(report.totals).toEqual({ views: 3, downloads: 1, adoptions: 0, requests: 3 });
    expect(report.series).toHaveLength(31);
    expect(report.series.reduce((n: number, p: any) => n + p.views, 0)).toBe(3);
    const byName = Object.fromEntries(report.byOrganization.map((r: any) => [r.organization?.name ?? '(anonymous)', r]));
    expect(byName['城区供电分公司党委']).toMatchObject({ requests: 1 });
    expect(byName['城东供电所党支部']).toMatchObject({ views: 1, downloads: 1 });
    expect(byName['采油一队党支部']).toMatchObject({ views: 1, downloads: 0 });
    expect(byName['华油能源集团有限公司党委']).toMatchObject({ views: 1 });
    // A PARTNERS item is not counted for visitors who may not read it.
    expect((await as.anonymous(`mutation($id: ID!) { contentRecordView(id: $id) }`, { id: base })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Members, partners and other committees may not read the figures.
    for (const who of ['member', 'powerAdmin', 'refineryAdmin'] as const) expect((await as[who](REPORT, { id: base })).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    expect((await as.anonymous(REPORT, { id: base })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The organisation dashboard covers its subtree's items.
    const org = (await ok(as.groupAdmin, `query($o: ID!) { organizationUsage(organizationId: $o, interval: MONTH) { totals { views downloads requests } } }`, { o: gid('Organization', await orgId(db, '华油能源集团有限公司党委')) })).organizationUsage;
    expect(org.totals).toEqual({ views: 3, downloads: 41, requests: 3 });
    const bad = await as.groupAdmin(`query($id: ID!) { contentUsage(id: $id, since: "2020-01-01T00:00:00Z", interval: DAY) { totals { views } } }`, { id: base });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('writing resources', () => {
  it('asks an education base for its address and a lecturer for topics; keeps files to the writer’s own', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const create = (i: Record<string, unknown>, gql: Gql = as.plantAdmin) =>
      gql(`mutation($i: ResourceCreateInput!) { resourceCreate(input: $i) { sharedResource { id shareScope access topics } userErrors { code field } } }`, { i: { organizationId: plant, title: '测试资源', ...i } });
    expect((await create({ resourceKind: 'EDUCATION_BASE' })).data!.resourceCreate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'address'] }]);
    expect((await create({ resourceKind: 'LECTURER', topics: [] })).data!.resourceCreate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'topics'] }]);
    const lecturer = await create({ resourceKind: 'LECTURER', topics: ['安全生产', '安全生产', '党史'], shareScope: 'ORGANIZATION', access: 'ON_REQUEST' });
    expect(lecturer.data!.resourceCreate.sharedResource).toMatchObject({ shareScope: 'ORGANIZATION', access: 'ON_REQUEST', topics: ['安全生产', '党史'] });
    // A file the writer may not use (the group's, attached to an ON_REQUEST resource) is refused;
    // members and other enterprises' admins do not write here.
    expect(outcome(await create({ resourceKind: 'TEMPLATE', attachmentIds: [fileId] }), 'resourceCreate')).toBe('BAD_USER_INPUT');
    expect(outcome(await create({ resourceKind: 'TEMPLATE' }, as.member), 'resourceCreate')).toBe('FORBIDDEN');
    expect(outcome(await create({ resourceKind: 'TEMPLATE' }, as.powerAdmin), 'resourceCreate')).toBe('FORBIDDEN');
  });
});
