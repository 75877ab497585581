/**
 * Notifications through the real endpoint: an editor submits, the reviewers above get an inbox
 * row, an e-mail (through a local SMTP server) and a live event; only the recipient reads it; a
 * change that fails sends nothing; preferences turn a channel off; gateways are checked for SSRF
 * and called signed; channels without configuration say so.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../support/outside.js';
import { collect } from '../support/subscriptions.js';

let mail: MailServer;
let gateway: WebhookReceiver;
beforeAll(async () => {
  mail = await startMailServer();
  gateway = await startWebhookReceiver();
  process.env.__SMTP_URL_FOR_TEST = mail.url;
});
afterAll(async () => {
  await mail?.close();
  await gateway?.close();
});

const { db, api, as, tokens } = useSuite({
  actors: ['branchEditor', 'plantReviewer', 'plantAdmin', 'groupAdmin', 'member', 'powerAdmin'],
  env: {
    get SMTP_URL() {
      return process.env.__SMTP_URL_FOR_TEST!;
    },
    NOTIFY_POLL_SECONDS: '1',
    NOTIFY_RETRY_DELAY_SECONDS: '1',
    NOTIFY_RETRY_LIMIT: '1',
  } as Record<string, string>,
});
const { branchEditor: editor, plantReviewer: reviewer, plantAdmin, groupAdmin, member, powerAdmin } = as;

const INBOX = `query($unread: Boolean) { notificationsUnreadCount notifications(first: 20, unreadOnly: $unread) { totalCount nodes { id kind title body link readAt deliveries { channel status reason } } } }`;

async function draft(title: string) {
  const branch = gid('Organization', await orgId(db, '采油一队党支部'));
  const data = await expectOk(editor, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, { i: { organizationId: branch, title, bodyHtml: '<p>全体党员参加。</p>' } });
  return data.newsCreate.newsArticle.id as string;
}

describe('the inbox', () => {
  it('tells the reviewers above when an editor submits: inbox, e-mail and a live event, the text escaped', async () => {
    const live = await collect(api.url, `subscription { notificationReceived { id kind title } }`, {}, tokens.plantReviewer);
    const id = await draft('采油一队<script>alert(1)</script>主题党日');
    await expectOk(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });

    const event = await live.waitFor((e) => e.notificationReceived.kind === 'content.submitted');
    expect(event.notificationReceived.title).toBe('待审核：采油一队<script>alert(1)</script>主题党日');
    await live.dispose();

    const inbox = (await reviewer(INBOX)).data!;
    expect(inbox.notificationsUnreadCount).toBe(1);
    expect(inbox.notifications.nodes[0]).toMatchObject({ kind: 'content.submitted', link: '/workspace/review', readAt: null, body: '采油一队党支部提交了工作动态《采油一队<script>alert(1)</script>主题党日》，请您审核。' });
    // The plant admin and the group admin are above too; the member and the other enterprise are not.
    for (const who of [plantAdmin, groupAdmin]) expect((await who(INBOX)).data!.notificationsUnreadCount).toBe(1);
    for (const who of [member, powerAdmin, editor]) expect((await who(INBOX)).data!.notificationsUnreadCount).toBe(0);

    // E-mail to each reviewer with an address: Chinese subject decoded intact, the title as text in the HTML.
    const messages = await mail.waitFor(3);
    const toReviewer = messages.find((m) => m.to && JSON.stringify(m.to).includes('reviewer@cy1.huayou.example'))!;
    expect(toReviewer.subject).toBe('待审核：采油一队<script>alert(1)</script>主题党日');
    expect(toReviewer.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(toReviewer.html).not.toContain('<script>');
    expect(toReviewer.messageId).toMatch(/^<notification-\d+@dangjian>$/);
    const sent = (await reviewer(INBOX)).data!.notifications.nodes[0].deliveries;
    expect(sent).toEqual(expect.arrayContaining([{ channel: 'EMAIL', status: 'SENT', reason: null }]));
  });

  it('is read by its recipient only, in SQL: others get nothing, node() hides it', async () => {
    const [row] = await db.query<{ id: string }>(`select n.id from notification n join app_user u on u.id = n.recipient_id where u.email = 'reviewer@cy1.huayou.example' limit 1`);
    const nodeId = gid('Notification', row!.id);
    const byNode = `query($id: ID!) { node(id: $id) { id ... on Notification { title } } }`;
    expect((await reviewer(byNode, { id: nodeId })).data!.node).not.toBeNull();
    for (const who of [plantAdmin, groupAdmin, powerAdmin, as.anonymous]) expect((await who(byNode, { id: nodeId })).data?.node ?? null).toBeNull();
    // Marking someone else's as read changes nothing of theirs.
    await expectOk(plantAdmin, `mutation($ids: [ID!]!) { notificationMarkRead(ids: $ids) { unreadCount userErrors { code } } }`, { ids: [nodeId] });
    expect((await reviewer(INBOX)).data!.notificationsUnreadCount).toBe(1);
    expect((await as.anonymous(INBOX)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    const done = await expectOk(reviewer, `mutation($ids: [ID!]!) { notificationMarkRead(ids: $ids) { unreadCount userErrors { code } } }`, { ids: [nodeId] });
    expect(done.notificationMarkRead.unreadCount).toBe(0);
    expect((await reviewer(INBOX, { unread: true })).data!.notifications.totalCount).toBe(0);
  });

  it('a change that fails sends nothing (the enqueue is in its transaction)', async () => {
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from notification`))[0]!.n;
    const jobsBefore = (await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job`))[0]!.n;
    // Fail the transaction at commit — after the notification rows and their jobs were written.
    await db.query(`create function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused at commit'; end $$`);
    await db.query(`create constraint trigger test_refuse_at_commit after insert on notification deferrable initially deferred for each row execute function test_refuse()`);
    try {
      const id = await draft('会被回滚的稿件');
      const res = await editor(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect((await db.query<{ status: string }>(`select status from content where title = '会被回滚的稿件'`))[0]!.status).toBe('DRAFT');
    } finally {
      await db.query(`drop trigger test_refuse_at_commit on notification`);
      await db.query(`drop function test_refuse()`);
    }
    expect((await db.query<{ n: number }>(`select count(*)::int as n from notification`))[0]!.n).toBe(before);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job`))[0]!.n).toBe(jobsBefore);
  });

  it('a person who turns e-mail off for a kind gets it in the inbox only', async () => {
    const settings = await expectOk(reviewer, `mutation($i: NotificationSettingsInput!) { notificationSettingsUpdate(input: $i) { settings { kinds { kind channels } channels { channel available reason } } userErrors { code } } }`, {
      i: { kinds: [{ kind: 'content.submitted', channels: [] }] },
    });
    expect(settings.notificationSettingsUpdate.settings.kinds.find((k: { kind: string }) => k.kind === 'content.submitted').channels).toEqual([]);
    // Without a gateway, SMS and 企业微信 say why they are off.
    expect(settings.notificationSettingsUpdate.settings.channels).toEqual([
      { channel: 'EMAIL', available: true, reason: null },
      { channel: 'SMS', available: false, reason: 'Your enterprise has no SMS gateway.' },
      { channel: 'WECOM', available: false, reason: 'Your enterprise has no 企业微信 gateway.' },
    ]);
    const id = await draft('关闭邮件后的稿件');
    await expectOk(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    const latest = (await reviewer(INBOX)).data!.notifications.nodes[0];
    expect(latest.title).toBe('待审核：关闭邮件后的稿件');
    expect(latest.deliveries).toEqual([]);
    // The others keep their defaults: e-mail, and 企业微信 recorded as skipped with the reason.
    const admin = (await plantAdmin(INBOX)).data!.notifications.nodes[0];
    expect(admin.deliveries).toEqual([
      { channel: 'EMAIL', status: expect.stringMatching(/^(QUEUED|SENDING|SENT)$/), reason: null },
      { channel: 'WECOM', status: 'SKIPPED', reason: 'WECOM is off: the enterprise has no gateway' },
    ]);
  });
});

describe('gateways for SMS and 企业微信', () => {
  const SET = `mutation($i: GatewayInput!) { notificationGatewaySet(input: $i) { gateway { channel url allowPrivateNetwork } userErrors { code field message } } }`;
  const huayou = () => gid('Enterprise', 1);

  it('refuses private and loopback addresses unless the enterprise allows them (SSRF); only top-level admins set them', async () => {
    const input = { enterpriseId: huayou(), channel: 'SMS', url: `${gateway.url}/sms`, secret: 'a-secret-of-sixteen+' };
    const refused = (await groupAdmin(SET, { i: input })).data!.notificationGatewaySet.userErrors;
    expect(refused).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'url'] })]);
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'https://[::1]/x', 'https://10.0.0.8/x']) {
      expect((await groupAdmin(SET, { i: { ...input, url } })).data!.notificationGatewaySet.userErrors[0].code).toBe('BAD_USER_INPUT');
    }
    expect((await plantAdmin(SET, { i: { ...input, allowPrivateNetwork: true } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await powerAdmin(SET, { i: { ...input, allowPrivateNetwork: true } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await expectOk(groupAdmin, SET, { i: { ...input, allowPrivateNetwork: true } });
    expect(ok.notificationGatewaySet.gateway).toEqual({ channel: 'SMS', url: `${gateway.url}/sms`, allowPrivateNetwork: true });
  });

  it('sends SMS through the gateway, signed with HMAC-SHA256 over timestamp and body', async () => {
    await expectOk(reviewer, `mutation($i: NotificationSettingsInput!) { notificationSettingsUpdate(input: $i) { userErrors { code } } }`, {
      // No quiet hours for this test, whatever the time of day; SMS on for submissions.
      i: { quietFrom: '00:00', quietUntil: '00:00', kinds: [{ kind: 'content.submitted', channels: ['SMS'] }] },
    });
    await db.query(`update app_user set phone = '13700000009' where email = 'reviewer@cy1.huayou.example'`);
    const id = await draft('短信通知测试稿件');
    await expectOk(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    const [call] = await gateway.waitFor(1);
    expect(call!.path).toBe('/sms');
    const body = JSON.parse(call!.body);
    expect(body).toMatchObject({ channel: 'SMS', to: '13700000009', kind: 'content.submitted' });
    expect(body.text).toContain('短信通知测试稿件');
    const expected = `sha256=${createHmac('sha256', 'a-secret-of-sixteen+').update(`${call!.headers['x-dangjian-timestamp']}.${call!.body}`).digest('hex')}`;
    expect(call!.headers['x-dangjian-signature']).toBe(expected);
    expect(Math.abs(Number(call!.headers['x-dangjian-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(call!.headers['idempotency-key']).toBe(body.id);
  });
});

describe('待办 and the daily digest', () => {
  const TODO = `{ todo(first: 20) { kind title link since dueAt overdue } }`;

  it('lists what waits for a reviewer, oldest first, and nothing for a member', async () => {
    const items = (await reviewer(TODO)).data!.todo as { kind: string; title: string; link: string; since: string }[];
    const reviews = items.filter((i) => i.kind === 'content.review');
    expect(reviews.length).toBeGreaterThanOrEqual(2);
    expect(reviews.map((i) => i.title)).toContain('审核工作动态：关闭邮件后的稿件');
    expect(reviews.every((i) => i.link === '/workspace/review')).toBe(true);
    const since = items.map((i) => Date.parse(i.since));
    expect(since).toEqual([...since].sort((a, b) => a - b));
    // The editor wrote them: they never wait for the editor's own review.
    expect(((await editor(TODO)).data!.todo as { kind: string }[]).filter((i) => i.kind === 'content.review')).toEqual([]);
    expect((await member(TODO)).data!.todo).toEqual([]);
    // The other enterprise's admin sees nothing of this enterprise's queue.
    expect(((await powerAdmin(TODO)).data!.todo as { title: string }[]).some((i) => i.title.includes('稿件'))).toBe(false);
  });

  it('collects e-mails for the digest instead of sending each, then sends one message', async () => {
    await expectOk(plantAdmin, `mutation($i: NotificationSettingsInput!) { notificationSettingsUpdate(input: $i) { userErrors { code } } }`, { i: { emailDigest: true } });
    const before = mail.messages.length;
    for (const title of ['摘要测试一', '摘要测试二']) {
      const id = await draft(title);
      await expectOk(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    }
    const waiting = await db.query<{ status: string }>(`select d.status from notification_delivery d join notification n on n.id = d.notification_id join app_user u on u.id = n.recipient_id where u.email = 'admin@cy1.huayou.example' and n.title like '待审核：摘要测试%' and d.channel = 'EMAIL'`);
    expect(waiting.map((w) => w.status)).toEqual(['DIGEST', 'DIGEST']);
    const { sendDigests } = await import('../../api/src/modules/notifications/runtime.js');
    const { emailSender } = await import('../../api/src/modules/notifications/channels/email.js');
    const sender = emailSender(new URL(mail.url), 'test <noreply@dangjian.localhost>');
    try {
      expect(await sendDigests(api.orm, sender, null)).toBe(1);
    } finally {
      sender.close();
    }
    const digests = (await mail.waitFor(before + 1)).slice(before).filter((m) => m.subject?.startsWith('数字党建每日通知摘要'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('数字党建每日通知摘要（2 条）');
    expect(digests[0]!.text).toContain('待审核：摘要测试一');
    expect(digests[0]!.text).toContain('待审核：摘要测试二');
  });
});

describe('企业微信', () => {
  it('goes to the enterprise’s 企业微信 gateway, to the person’s account (or phone), signed', async () => {
    await expectOk(groupAdmin, `mutation($i: GatewayInput!) { notificationGatewaySet(input: $i) { userErrors { code } } }`, {
      i: { enterpriseId: gid('Enterprise', 1), channel: 'WECOM', url: `${gateway.url}/wecom`, secret: 'another-sixteen-secret', allowPrivateNetwork: true },
    });
    await expectOk(reviewer, `mutation($i: NotificationSettingsInput!) { notificationSettingsUpdate(input: $i) { userErrors { code } } }`, {
      i: { wecomUserId: 'ZhaoZhiGang', kinds: [{ kind: 'content.submitted', channels: ['WECOM'] }] },
    });
    const before = gateway.calls.length;
    const id = await draft('企业微信通知测试稿件');
    await expectOk(editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    const calls = (await gateway.waitForMatch((c) => c.path === '/wecom' && c.body.includes('企业微信通知测试稿件'))).filter((c) => gateway.calls.indexOf(c) >= before);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    const toReviewer = calls.map((c) => JSON.parse(c.body)).find((b) => b.to === 'ZhaoZhiGang');
    expect(toReviewer).toMatchObject({ channel: 'WECOM', kind: 'content.submitted', title: '待审核：企业微信通知测试稿件' });
    const call = calls.find((c) => JSON.parse(c.body).to === 'ZhaoZhiGang')!;
    expect(call.headers['x-dangjian-signature']).toBe(`sha256=${createHmac('sha256', 'another-sixteen-secret').update(`${call.headers['x-dangjian-timestamp']}.${call.body}`).digest('hex')}`);
  });
});
