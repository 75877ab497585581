/**
 * Outgoing webhooks against local receivers: signed deliveries a receiver can verify, events in
 * order, a retry after a 500, redelivery, disabling after a run of failures (the admins told) and
 * turning back on, an event the endpoint's scope may not see never sent, private addresses refused
 * unless the platform admins allow them, and only an enterprise's top-level admins managing its
 * endpoints.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { startWebhookReceiver, type ReceivedCall, type WebhookReceiver } from '../support/outside.js';

let publicReceiver: WebhookReceiver;
let internalReceiver: WebhookReceiver;
beforeAll(async () => {
  [publicReceiver, internalReceiver] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
});
afterAll(async () => {
  await Promise.all([publicReceiver?.close(), internalReceiver?.close()]);
});

const { db, as } = useSuite({
  actors: ['groupAdmin', 'plantAdmin', 'plantReviewer', 'branchEditor', 'powerAdmin', 'platformAdmin'],
  env: { NOTIFY_POLL_SECONDS: '1', WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_RETRY_LIMIT: '2', WEBHOOK_DISABLE_AFTER: '3', WEBHOOK_TIMEOUT_MS: '2000', REMINDER_INTERVAL_MS: '1000' },
});
const { groupAdmin, plantAdmin, plantReviewer, branchEditor, powerAdmin, platformAdmin } = as;
const ENTERPRISE = gid('Enterprise', 1);

/** The receiver's side, as docs/integrators.md shows it: recompute the HMAC over "<timestamp>.<body>" and compare in constant time. */
function verify(call: ReceivedCall, secret: string): boolean {
  const timestamp = String(call.headers['x-dangjian-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex')}`);
  const given = Buffer.from(String(call.headers['x-dangjian-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

const CREATE = `mutation($e: ID!, $i: WebhookEndpointCreateInput!) { webhookEndpointCreate(enterpriseId: $e, input: $i) { endpoint { id url scope eventTypes } secret userErrors { code field message } } }`;
const ENDPOINTS = `query($e: ID!) { webhookEndpoints(enterpriseId: $e) { id url disabledAt disabledReason consecutiveFailures deliveries(first: 50) { id eventId type state attempts redelivery body attemptLog { statusCode durationMs excerpt } } } }`;

let branch: string;
async function publish(title: string, visibility = 'PUBLIC'): Promise<string> {
  const created = await expectOk(branchEditor, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, {
    i: { organizationId: branch, title, bodyHtml: '<p>党建工作动态正文。</p>', visibility },
  });
  const id = created.newsCreate.newsArticle.id as string;
  await expectOk(branchEditor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
  await expectOk(plantReviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
  return id;
}
const titleOf = (call: ReceivedCall) => (JSON.parse(call.body) as { data: { title?: string } }).data.title;

/**
 * Waits until every enabled endpoint has sent what it was given — an earlier test's deliveries
 * too (an internal endpoint also receives the public items another test publishes) — so that a
 * test's receivers see only its own.
 */
async function settled(): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await db.query<{ n: number }>(
        `select (select count(*) from webhook_event where fanned_out_at is null)::int
              + (select count(*) from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id where d.state = 'PENDING' and w.disabled_at is null)::int as n`,
      );
      expect(row!.n).toBe(0);
    },
    { timeout: 20_000, interval: 100 },
  );
}
const bodyOf = (call: ReceivedCall) => JSON.parse(call.body) as { id: string; type: string; createdAt: string; enterpriseId: string; data: Record<string, any> };

let publicEndpoint: { id: string; secret: string };
let resolveRotated: (secret: string) => void;
const rotatedSecret = new Promise<string>((resolve) => (resolveRotated = resolve));
let internalEndpoint: { id: string; secret: string };

describe('endpoints', () => {
  it('refuses private addresses until the platform admins allow them for the enterprise', async () => {
    branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const refused = await groupAdmin(CREATE, { e: ENTERPRISE, i: { url: `${publicReceiver.url}/hook`, eventTypes: ['content.published'], scope: 'PUBLIC_READ' } });
    expect(refused.data!.webhookEndpointCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'url'] });
    expect(refused.data!.webhookEndpointCreate.userErrors[0].message).toMatch(/private/);
    for (const url of ['http://169.254.169.254/latest/meta-data', 'https://10.0.0.8/hook', 'ftp://example.com/x']) {
      const r = await groupAdmin(CREATE, { e: ENTERPRISE, i: { url, eventTypes: ['content.published'], scope: 'PUBLIC_READ' } });
      expect(r.data!.webhookEndpointCreate.userErrors[0].code, url).toBe('BAD_USER_INPUT');
    }
    // Only platform admins open a private network to an enterprise.
    const byAdmin = await groupAdmin(`mutation($e: ID!) { webhookNetworkSet(enterpriseId: $e, allowPrivateNetwork: true) { allowPrivateNetwork userErrors { code } } }`, { e: ENTERPRISE });
    expect(byAdmin.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await expectOk(platformAdmin, `mutation($e: ID!) { webhookNetworkSet(enterpriseId: $e, allowPrivateNetwork: true) { allowPrivateNetwork userErrors { code } } }`, { e: ENTERPRISE });
    expect((await groupAdmin(`query($e: ID!) { webhookPrivateNetworkAllowed(enterpriseId: $e) }`, { e: ENTERPRISE })).data!.webhookPrivateNetworkAllowed).toBe(true);
  });

  it('is managed by the enterprise’s top-level admins only; the secret is shown once', async () => {
    const types = (await groupAdmin(`{ webhookEventTypes { type label } }`)).data!.webhookEventTypes.map((t: { type: string }) => t.type);
    expect(types).toEqual(expect.arrayContaining(['content.published', 'content.unpublished', 'disclosure.noticeOpened', 'disclosure.noticeClosed', 'disclosure.feedbackReceived', 'resource.requestDecided', 'partnership.changed', 'meeting.approved', 'transfer.statusChanged']));

    const input = { url: `${publicReceiver.url}/hook`, description: '集团门户镜像站', eventTypes: ['content.published', 'content.unpublished'], scope: 'PUBLIC_READ' };
    for (const outsider of [plantAdmin, powerAdmin]) {
      const r = await outsider(CREATE, { e: ENTERPRISE, i: input });
      expect(r.errors?.[0]?.extensions?.code ?? r.data?.webhookEndpointCreate.userErrors[0]?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    const unknown = await groupAdmin(CREATE, { e: ENTERPRISE, i: { ...input, eventTypes: ['member.created'] } });
    expect(unknown.data!.webhookEndpointCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'eventTypes'] });

    const made = (await expectOk(groupAdmin, CREATE, { e: ENTERPRISE, i: input })).webhookEndpointCreate;
    expect(made.secret).toMatch(/^whsec_/);
    publicEndpoint = { id: made.endpoint.id, secret: made.secret };
    const internal = (await expectOk(groupAdmin, CREATE, { e: ENTERPRISE, i: { url: `${internalReceiver.url}/hook`, eventTypes: ['content.published'], scope: 'INTERNAL_READ' } })).webhookEndpointCreate;
    internalEndpoint = { id: internal.endpoint.id, secret: internal.secret };

    // The secret is not readable afterwards, and other admins see no endpoints of this enterprise.
    expect((await groupAdmin(`query($e: ID!) { webhookEndpoints(enterpriseId: $e) { secret } }`, { e: ENTERPRISE })).errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await groupAdmin(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints).toHaveLength(2);
    for (const outsider of [plantAdmin, powerAdmin, plantReviewer]) expect((await outsider(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints).toEqual([]);
    expect((await platformAdmin(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints).toHaveLength(2);
  });
});

describe('deliveries', () => {
  it('posts a signed JSON event the receiver verifies, to each endpoint whose scope may read it', async () => {
    await settled();
    publicReceiver.calls.length = 0;
    internalReceiver.calls.length = 0;
    const id = await publish('集团召开党建工作推进会');
    const [call] = await publicReceiver.waitForMatch((c) => titleOf(c) === '集团召开党建工作推进会');
    expect(call).toBeDefined();
    expect(verify(call!, publicEndpoint.secret)).toBe(true);
    expect(verify(call!, internalEndpoint.secret)).toBe(false);
    expect(call!.headers['x-dangjian-event']).toBe('content.published');
    expect(call!.headers['user-agent']).toBe('dangjian-webhooks/1');
    const body = bodyOf(call!);
    expect(body).toMatchObject({ type: 'content.published', enterpriseId: ENTERPRISE, data: { id, kind: 'NEWS', title: '集团召开党建工作推进会', organization: { id: branch, name: '采油一队党支部' } } });
    expect(call!.headers['idempotency-key']).toBe(body.id);
    expect(Object.keys(body.data).sort()).toEqual(['id', 'kind', 'organization', 'publishedAt', 'summary', 'title']);
    const [internalCall] = await internalReceiver.waitForMatch((c) => titleOf(c) === '集团召开党建工作推进会');
    expect(verify(internalCall!, internalEndpoint.secret)).toBe(true);
  });

  it('never sends an item the endpoint’s scope may not read', async () => {
    await settled();
    internalReceiver.calls.length = 0;
    publicReceiver.calls.length = 0;
    await publish('企业内部：支部书记述职安排', 'ENTERPRISE');
    await publish('随后发布的公开动态');
    // The internal endpoint gets both; the public one only the public item (which came later).
    const internal = await internalReceiver.waitForMatch((c) => titleOf(c) === '随后发布的公开动态');
    expect(internal).toHaveLength(1);
    expect(internalReceiver.calls.map(titleOf)).toEqual(['企业内部：支部书记述职安排', '随后发布的公开动态']);
    await publicReceiver.waitForMatch((c) => titleOf(c) === '随后发布的公开动态');
    expect(publicReceiver.calls.map(titleOf)).toEqual(['随后发布的公开动态']);
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id where w.scope = 'PUBLIC_READ' and d.body like '%支部书记述职%'`,
    );
    expect(row!.n).toBe(0);
  });

  it('delivers one endpoint’s events in the order they happened', async () => {
    await settled();
    publicReceiver.calls.length = 0;
    const titles = ['顺序一：主题党日', '顺序二：专题党课', '顺序三：组织生活会', '顺序四：民主评议'];
    for (const title of titles) await publish(title);
    await publicReceiver.waitForMatch((c) => titleOf(c) === titles.at(-1));
    expect(publicReceiver.calls.map(titleOf)).toEqual(titles);
  });

  it('retries after a 500 with the same delivery and event ids, and logs each attempt', async () => {
    await settled();
    internalReceiver.calls.length = 0;
    internalReceiver.answers.push(500);
    await publish('先失败后成功的推送', 'ENTERPRISE');
    const calls = await internalReceiver.waitFor(2);
    expect(calls.map(titleOf)).toEqual(['先失败后成功的推送', '先失败后成功的推送']);
    expect(calls[1]!.headers['x-dangjian-delivery']).toBe(calls[0]!.headers['x-dangjian-delivery']);
    expect(bodyOf(calls[1]!).id).toBe(bodyOf(calls[0]!).id);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900); // backed off
    const read = async () => {
      const endpoint = (await groupAdmin(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints.find((e: { id: string }) => e.id === internalEndpoint.id);
      return { endpoint, delivery: endpoint.deliveries.find((d: { body: string }) => d.body.includes('先失败后成功的推送')) };
    };
    // The receiver has answered before the worker commits the attempt: wait for that commit, then read
    // again — the endpoint row is read before the deliveries, so only a later read sees both after it.
    await vi.waitFor(async () => expect((await read()).delivery.state).toBe('DELIVERED'), { timeout: 5000, interval: 50 });
    const { endpoint, delivery } = await read();
    expect(delivery).toMatchObject({ state: 'DELIVERED', attempts: 2 });
    expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(delivery.attemptLog[0].excerpt).toContain('"ok":false');
    expect(endpoint.consecutiveFailures).toBe(0);
  });

  it('redelivers on an admin’s request: the same body and event id, a new delivery id', async () => {
    const endpoint = (await groupAdmin(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints.find((e: { id: string }) => e.id === publicEndpoint.id);
    const original = endpoint.deliveries.find((d: { body: string }) => d.body.includes('集团召开党建工作推进会'));
    expect(original.state).toBe('DELIVERED');
    expect((await plantAdmin(`mutation($d: ID!) { webhookRedeliver(deliveryId: $d) { delivery { id } userErrors { code } } }`, { d: original.id })).errors![0]!.extensions!.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    await settled();
    publicReceiver.calls.length = 0;
    const again = (await expectOk(groupAdmin, `mutation($d: ID!) { webhookRedeliver(deliveryId: $d) { delivery { id redelivery eventId } userErrors { code } } }`, { d: original.id })).webhookRedeliver.delivery;
    expect(again).toMatchObject({ redelivery: true, eventId: original.eventId });
    const [call] = await publicReceiver.waitFor(1);
    expect(call!.body).toBe(original.body);
    expect(verify(call!, publicEndpoint.secret)).toBe(true);
    expect(call!.headers['x-dangjian-delivery']).not.toBe(Buffer.from(original.id, 'base64url').toString().split(':')[1]);
  });

  it('sends a take-down to endpoints that could read the item', async () => {
    const id = await publish('即将撤下的动态');
    await publicReceiver.waitForMatch((c) => titleOf(c) === '即将撤下的动态');
    await expectOk(plantReviewer, `mutation($id: ID!) { newsUnpublish(id: $id) { userErrors { code } } }`, { id });
    const [call] = await publicReceiver.waitForMatch((c) => c.headers['x-dangjian-event'] === 'content.unpublished');
    expect(bodyOf(call!).data).toEqual({ id, kind: 'NEWS' });
  });

  it('disables an endpoint after a run of failures and tells the admins; turned back on, it sends what waited', async () => {
    await settled();
    internalReceiver.calls.length = 0;
    internalReceiver.answers.push(500, 503, 502);
    await publish('接收方故障期间的动态', 'ENTERPRISE');
    const end = Date.now() + 20_000;
    let endpoint: any;
    do {
      await new Promise((r) => setTimeout(r, 200));
      endpoint = (await groupAdmin(ENDPOINTS, { e: ENTERPRISE })).data!.webhookEndpoints.find((e: { id: string }) => e.id === internalEndpoint.id);
    } while (!endpoint.disabledAt && Date.now() < end);
    expect(endpoint.disabledAt).not.toBeNull();
    expect(endpoint.disabledReason).toContain('连续3次投递失败');
    expect(internalReceiver.calls).toHaveLength(3);
    const [told] = await db.query<{ title: string }>(`select n.title from notification n join app_user u on u.id = n.recipient_id where n.kind = 'webhook.disabled' and u.email = 'admin@huayou.example'`);
    expect(told!.title).toContain('已停用');
    expect((await db.query(`select 1 from notification n join app_user u on u.id = n.recipient_id where n.kind = 'webhook.disabled' and u.email = 'admin@cy1.huayou.example'`)).length).toBe(0);

    // While disabled, nothing more is recorded for it; turned back on, the waiting delivery goes out.
    await publish('停用期间发布的内部动态', 'ENTERPRISE');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(internalReceiver.calls).toHaveLength(3);
    await expectOk(groupAdmin, `mutation($id: ID!) { webhookEndpointUpdate(id: $id, input: { enabled: true }) { endpoint { disabledAt } userErrors { code } } }`, { id: internalEndpoint.id });
    const calls = await internalReceiver.waitFor(4);
    expect(calls.map(titleOf)).toEqual(['接收方故障期间的动态', '接收方故障期间的动态', '接收方故障期间的动态', '接收方故障期间的动态']);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(internalReceiver.calls).toHaveLength(4); // the event of the disabled time was never recorded for it
  });

  it('rotates the secret: the next delivery is signed with the new one only', async () => {
    const rotated = (await expectOk(groupAdmin, `mutation($id: ID!) { webhookEndpointRotateSecret(id: $id) { secret userErrors { code } } }`, { id: publicEndpoint.id })).webhookEndpointRotateSecret;
    resolveRotated(rotated.secret);
    await settled();
    publicReceiver.calls.length = 0;
    await publish('换密钥之后的动态');
    const [call] = await publicReceiver.waitForMatch((c) => titleOf(c) === '换密钥之后的动态');
    expect(verify(call!, rotated.secret)).toBe(true);
    expect(verify(call!, publicEndpoint.secret)).toBe(false);
  });

  it('tells when a 公示 opens — found by the date rules, sent once — with the disclosure as the endpoint may read it', async () => {
    await expectOk(groupAdmin, `mutation($id: ID!, $i: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(id: $id, input: $i) { userErrors { code } } }`, {
      id: publicEndpoint.id,
      i: { eventTypes: ['content.published', 'content.unpublished', 'disclosure.noticeOpened'] },
    });
    const [disclosure] = await db.query<{ content_id: string; title: string }>(
      `select d.content_id, c.title from disclosure d join content c on c.id = d.content_id
        where c.status = 'PUBLISHED' and c.visibility = 'PUBLIC' and c.enterprise_id = 1 order by d.content_id limit 1`,
    );
    await db.query(`update disclosure set notice_starts_at = now() - interval '1 minute', notice_ends_at = now() + interval '5 days' where content_id = $1`, [disclosure!.content_id]);
    const calls = await publicReceiver.waitForMatch((c) => c.headers['x-dangjian-event'] === 'disclosure.noticeOpened' && bodyOf(c).data.disclosure.title === disclosure!.title, 20_000);
    expect(calls).toHaveLength(1);
    expect(bodyOf(calls[0]!).data.disclosure).toMatchObject({ id: gid('Disclosure', disclosure!.content_id), kind: 'DISCLOSURE' });
    expect(verify(calls[0]!, (await rotatedSecret)!)).toBe(true);
    await new Promise((r) => setTimeout(r, 2_500)); // more reminder passes: still once
    expect(publicReceiver.calls.filter((c) => c.headers['x-dangjian-event'] === 'disclosure.noticeOpened' && bodyOf(c).data.disclosure.title === disclosure!.title)).toHaveLength(1);
  });

  it('tells an INTERNAL_READ endpoint when an exam’s results are in — figures, never a person’s score', async () => {
    await expectOk(groupAdmin, `mutation($id: ID!, $i: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(id: $id, input: $i) { userErrors { code } } }`, {
      id: internalEndpoint.id,
      i: { eventTypes: ['content.published', 'exam.results'] },
    });
    await expectOk(groupAdmin, `mutation($id: ID!, $i: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(id: $id, input: $i) { userErrors { code } } }`, {
      id: publicEndpoint.id,
      i: { eventTypes: ['content.published', 'exam.results'] },
    });
    const [exam] = await db.query<{ id: number; title: string; papers: number }>(
      `select e.id, e.title, (select count(*)::int from attempt a where a.exam_id = e.id and a.status in ('SUBMITTED', 'EXPIRED')) as papers
         from exam e where e.enterprise_id = 1 and e.status = 'PUBLISHED' order by e.id limit 1`,
    );
    expect(exam!.papers).toBeGreaterThanOrEqual(5);
    await db.query(`update exam set closes_at = now() - interval '2 hours' where id = $1`, [exam!.id]);
    const [call] = await internalReceiver.waitForMatch((c) => c.headers['x-dangjian-event'] === 'exam.results', 20_000);
    const data = bodyOf(call!).data;
    expect(data).toMatchObject({ id: gid('Exam', exam!.id), title: exam!.title, papers: exam!.papers });
    expect(data.averageScore).toEqual(expect.any(Number));
    expect(data.passRate).toEqual(expect.any(Number));
    expect(Object.keys(data).sort()).toEqual(['averageScore', 'closesAt', 'id', 'opensAt', 'organization', 'papers', 'passMark', 'passRate', 'title']);
    // A PUBLIC_READ endpoint reads nothing of exams: it gets nothing.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(publicReceiver.calls.filter((c) => c.headers['x-dangjian-event'] === 'exam.results')).toEqual([]);
  });
});

