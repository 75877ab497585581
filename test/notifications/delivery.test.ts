/**
 * Reliable delivery: retries with backoff and dead letters (seen by platform admins), a gateway
 * that hangs cut off and retried, SMS held by quiet hours, reminders sent exactly once by two
 * processes, and a worker killed in the middle of sending an e-mail — the message arrives once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { postGraphQL } from '../support/api.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../support/outside.js';
import { runEntry, type Spawned } from '../support/processes.js';

let gateway: WebhookReceiver;
beforeAll(async () => {
  gateway = await startWebhookReceiver();
});
afterAll(async () => {
  await gateway?.close();
});

const { db, as } = useSuite({
  actors: ['branchEditor', 'plantReviewer', 'groupAdmin', 'platformAdmin'],
  env: { NOTIFY_POLL_SECONDS: '1', NOTIFY_RETRY_DELAY_SECONDS: '1', NOTIFY_RETRY_LIMIT: '2', NOTIFY_WEBHOOK_TIMEOUT_MS: '400', REMINDER_INTERVAL_MS: '3600000' },
});
const { branchEditor: editor, plantReviewer: reviewer, groupAdmin, platformAdmin } = as;
const SETTINGS = `mutation($i: NotificationSettingsInput!) { notificationSettingsUpdate(input: $i) { userErrors { code } } }`;

async function submitDraft(gql = editor, title = '可靠投递测试稿件'): Promise<string> {
  const branch = gid('Organization', await orgId(db, '采油一队党支部'));
  const created = await expectOk(gql, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, { i: { organizationId: branch, title, bodyHtml: '<p>正文。</p>' } });
  await expectOk(gql, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id: created.newsCreate.newsArticle.id });
  return title;
}
const deliveryOf = async (title: string, channel = 'SMS') =>
  (await db.query<{ status: string; attempts: number; reason: string | null; not_before: Date }>(
    `select d.status, d.attempts, d.reason, d.not_before from notification_delivery d join notification n on n.id = d.notification_id join app_user u on u.id = n.recipient_id
      where n.title = $1 and d.channel = $2 and u.email = 'reviewer@cy1.huayou.example'`,
    [`待审核：${title}`, channel],
  ))[0];
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('retries and dead letters', () => {
  beforeAll(async () => {
    await expectOk(groupAdmin, `mutation($i: GatewayInput!) { notificationGatewaySet(input: $i) { userErrors { code } } }`, {
      i: { enterpriseId: gid('Enterprise', 1), channel: 'SMS', url: `${gateway.url}/sms`, secret: 'sixteen-chars-secret', allowPrivateNetwork: true },
    });
    await db.query(`update app_user set phone = '13700000009' where email = 'reviewer@cy1.huayou.example'`);
    await expectOk(reviewer, SETTINGS, { i: { quietFrom: '00:00', quietUntil: '00:00', kinds: [{ kind: 'content.submitted', channels: ['SMS'] }] } });
  });

  it('retries after a 500 with the same idempotency key, and sends once it succeeds', async () => {
    gateway.calls.length = 0;
    gateway.answers.push(500);
    const title = await submitDraft(editor, '先失败后成功的短信');
    const calls = await gateway.waitFor(2);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers['idempotency-key']).toBe(calls[1]!.headers['idempotency-key']);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900); // backed off
    expect(await until(() => deliveryOf(title), (d) => d?.status === 'SENT')).toMatchObject({ status: 'SENT', attempts: 2, reason: null });
  });

  it('cuts off a gateway that hangs, and dead-letters after the last attempt; platform admins see it', async () => {
    gateway.calls.length = 0;
    gateway.delayMs = 2_000; // longer than NOTIFY_WEBHOOK_TIMEOUT_MS
    try {
      const title = await submitDraft(editor, '网关无响应的短信');
      const dead = await until(() => deliveryOf(title), (d) => d?.status === 'DEAD', 30_000);
      expect(dead).toMatchObject({ status: 'DEAD', attempts: 3 });
      expect(dead!.reason).toMatch(/did not answer within 400 ms/);
      expect(gateway.calls.length).toBe(3); // the first attempt and two retries
      const letters = await platformAdmin(`{ notificationDeadLetters(first: 10) { title channel attempts reason } }`);
      expect(letters.data!.notificationDeadLetters).toEqual(expect.arrayContaining([expect.objectContaining({ title: `待审核：${title}`, channel: 'SMS', attempts: 3 })]));
      expect((await groupAdmin(`{ notificationDeadLetters(first: 10) { title } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      // pg-boss keeps the payload in the dead-letter queue too.
      expect((await db.query(`select 1 from pgboss.job where name = 'notify-dead'`)).length).toBeGreaterThan(0);
    } finally {
      gateway.delayMs = 0;
    }
  });
});

describe('quiet hours', () => {
  it('holds an SMS due at night until the quiet hours end (China time)', async () => {
    // A quiet window around the current China time, ending in about two hours.
    const china = new Date(Date.now() + 8 * 3_600_000);
    const minute = china.getUTCHours() * 60 + china.getUTCMinutes();
    const hhmm = (m: number) => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((m + 1440) % 1440) % 60).padStart(2, '0')}`;
    await expectOk(reviewer, SETTINGS, { i: { quietFrom: hhmm(minute - 60), quietUntil: hhmm(minute + 120) } });
    gateway.calls.length = 0;
    const title = await submitDraft(editor, '夜间免打扰的短信');
    const held = (await deliveryOf(title))!;
    expect(held.status).toBe('QUEUED');
    const wait = new Date(held.not_before).getTime() - Date.now();
    expect(wait).toBeGreaterThan(110 * 60_000);
    expect(wait).toBeLessThanOrEqual(121 * 60_000);
    const [job] = await db.query<{ start_after: Date }>(`select start_after from pgboss.job where name = 'notify-sms' order by created_on desc limit 1`);
    expect(Math.abs(new Date(job!.start_after).getTime() - new Date(held.not_before).getTime())).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(gateway.calls).toHaveLength(0);
    await expectOk(reviewer, SETTINGS, { i: { quietFrom: '00:00', quietUntil: '00:00' } });
  });
});

describe('across processes', () => {
  let b: Spawned;
  let c: Spawned;
  let mail: MailServer;
  afterAll(async () => {
    for (const p of [b, c]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await mail?.close();
  });

  it('sends a reminder once though two processes look for it', async () => {
    // A 公示 closing in twelve hours: "closes tomorrow" is due now.
    const [d] = await db.query<{ content_id: string }>(`select d.content_id from disclosure d join content c on c.id = d.content_id where d.notice_ends_at is not null and c.status = 'PUBLISHED' limit 1`);
    await db.query(`update disclosure set notice_starts_at = now() - interval '3 days', notice_ends_at = now() + interval '12 hours' where content_id = $1`, [d!.content_id]);
    const env = { DATABASE_URL: db.url, REMINDER_INTERVAL_MS: '150', NOTIFY_POLL_SECONDS: '1', LOG_LEVEL: 'info' };
    b = runEntry('src/main.ts', { ...env, API_PORT: String(await freePort()) });
    c = runEntry('src/main.ts', { ...env, API_PORT: String(await freePort()) });
    await Promise.all([b.waitFor(/API listening/), c.waitFor(/API listening/)]);
    const rows = await until(
      () => db.query<{ n: number }>(`select count(*)::int as n from reminder_sent where rule = 'disclosure.noticeClosing' and subject = $1`, [d!.content_id]),
      (r) => r[0]!.n > 0,
    );
    await new Promise((r) => setTimeout(r, 1_500)); // many more passes in both processes
    expect((await db.query<{ n: number }>(`select count(*)::int as n from reminder_sent where rule = 'disclosure.noticeClosing' and subject = $1`, [d!.content_id]))[0]!.n).toBe(rows[0]!.n);
    expect(rows[0]!.n).toBe(1);
    const sent = await db.query<{ recipient_id: number; n: number }>(`select recipient_id, count(*)::int as n from notification where kind = 'disclosure.notice_closing' group by recipient_id`);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.n === 1)).toBe(true);
    b.child.kill('SIGTERM');
    c.child.kill('SIGTERM');
    await Promise.all([b.exited, c.exited]);
  }, 60_000);

  it('a worker killed in the middle of sending an e-mail: another sends it, exactly once', async () => {
    mail = await startMailServer();
    mail.delayMs = 4_000; // the server holds its answer to the message
    const env = { DATABASE_URL: db.url, SMTP_URL: mail.url, NOTIFY_POLL_SECONDS: '1', NOTIFY_JOB_EXPIRE_SECONDS: '2', NOTIFY_SUPERVISE_SECONDS: '1', NOTIFY_RETRY_DELAY_SECONDS: '1', REMINDER_INTERVAL_MS: '3600000', LOG_LEVEL: 'info' };
    const port = await freePort();
    b = runEntry('src/main.ts', { ...env, API_PORT: String(port) });
    await b.waitFor(/API listening/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const signIn = async (login: string) =>
      (await postGraphQL<any>(url, { query: `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, variables: { i: { login, password: DEMO_PASSWORD } } })).data.signIn.token as string;
    const token = await signIn('editor@cy1.huayou.example');
    const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL<any>(url, { query, variables }, { authorization: `Bearer ${token}` });
    // Only the reviewer wants e-mail for this kind in this test.
    await db.query(`insert into notification_preference (user_id, kind, channel, enabled) select m.user_id, 'content.submitted', 'EMAIL', false from membership m join app_user u on u.id = m.user_id where u.email <> 'reviewer@cy1.huayou.example' on conflict do nothing`);
    await db.query(`insert into notification_preference (user_id, kind, channel, enabled) select id, 'content.submitted', 'EMAIL', true from app_user where email = 'reviewer@cy1.huayou.example' on conflict (user_id, kind, channel) do update set enabled = true`);
    const title = await submitDraft(gql as never, '发送途中进程被杀的邮件');
    // Wait until the worker is in the middle of the SMTP transaction, then kill it.
    await until(() => deliveryOf(title, 'EMAIL'), (d) => d?.status === 'SENDING');
    await new Promise((r) => setTimeout(r, 500));
    b.child.kill('SIGKILL');
    await b.exited;
    expect(mail.messages).toHaveLength(0);
    mail.delayMs = 0;
    // Another process takes the job over once its claim expires, and sends it.
    c = runEntry('src/main.ts', { ...env, API_PORT: String(await freePort()) });
    await c.waitFor(/API listening/);
    const delivered = await until(() => deliveryOf(title, 'EMAIL'), (d) => d?.status === 'SENT', 40_000);
    expect(delivered).toMatchObject({ status: 'SENT', attempts: 2 });
    await new Promise((r) => setTimeout(r, 1_500));
    const copies = mail.messages.filter((m) => m.subject === `待审核：${title}`);
    expect(copies).toHaveLength(1);
    c.child.kill('SIGTERM');
    await c.exited;
  }, 90_000);
});
