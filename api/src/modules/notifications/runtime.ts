/**
 * The delivery side, one per API process: a pg-boss queue per outside channel in the same
 * PostgreSQL (schema `pgboss`), workers that send, retries with backoff, dead letters after the
 * last attempt, the daily e-mail digest, and the reminder rules of every module.
 *
 * A job carries only the notification's id; the `notification_delivery` row is the truth. A
 * worker claims the row before sending and marks it SENT after, so a retried job whose delivery
 * was sent already sends nothing (idempotent per notification and channel).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PgBoss, type JobResult, type JobWithMetadata } from 'pg-boss';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/log.js';
import type { ModuleDefinition } from '../../core/module.js';
import { emailSender, type EmailSender } from './channels/email.js';
import { callWebhook } from './channels/webhook.js';
import { Channel } from './notification.entity.js';
import { runReminders } from './reminders.js';

export const QUEUE: Record<Channel, string> = { EMAIL: 'notify-email', SMS: 'notify-sms', WECOM: 'notify-wecom' };
export const DEAD_LETTERS = 'notify-dead';
const DIGEST = 'notify-digest';

export interface NotificationSettings {
  smtpUrl: URL | undefined;
  mailFrom: string;
  /** Absolute base of workspace links in e-mail and SMS (a portal's address). */
  portalUrl: string;
  retryLimit: number;
  retryDelaySeconds: number;
  expireSeconds: number;
  pollSeconds: number;
  /** How often expired claims (a worker that died) are taken back for retry. */
  superviseSeconds: number;
  webhookTimeoutMs: number;
  reminderIntervalMs: number;
}

export function readSettings(config: Config): NotificationSettings {
  const { read } = config;
  return {
    smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: read.string('MAIL_FROM') ?? '数字党建平台 <noreply@dangjian.localhost>',
    portalUrl: (read.url('NOTIFY_PORTAL_URL', ['http:', 'https:'])?.href ?? `http://${config.portals.host}:${config.portals.port}/`).replace(/\/$/, ''),
    retryLimit: read.integer('NOTIFY_RETRY_LIMIT', 4, 0, 20),
    retryDelaySeconds: read.integer('NOTIFY_RETRY_DELAY_SECONDS', 30, 1, 86_400),
    expireSeconds: read.integer('NOTIFY_JOB_EXPIRE_SECONDS', 300, 1, 86_400),
    pollSeconds: read.integer('NOTIFY_POLL_SECONDS', 2, 1, 60),
    superviseSeconds: read.integer('NOTIFY_SUPERVISE_SECONDS', 60, 1, 3_600),
    webhookTimeoutMs: read.integer('NOTIFY_WEBHOOK_TIMEOUT_MS', 5_000, 100, 120_000),
    reminderIntervalMs: read.integer('REMINDER_INTERVAL_MS', 60_000, 100, 86_400_000),
  };
}

export interface NotificationRuntime {
  boss: PgBoss;
  email: EmailSender | null;
  settings: NotificationSettings;
  /** Every module of the process: their reminder rules and 待办 sources. */
  modules: readonly ModuleDefinition[];
}

/** Each ORM (one per API process, several in a test process) has its own runtime. */
const runtimes = new WeakMap<object, NotificationRuntime>();
export const runtimeFor = (em: EntityManager): NotificationRuntime | undefined => runtimes.get(em.config);

interface DeliveryJob {
  notificationId: string;
}

interface Claimed {
  address: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  enterprise_id: number;
}

export async function startNotifications(services: { orm: MikroORM; log: Logger; config: Config; modules: readonly ModuleDefinition[] }): Promise<{ stop(): Promise<void> }> {
  const { orm, config } = services;
  const log = services.log.child({ module: 'notifications' });
  const settings = readSettings(config);
  const boss = new PgBoss({
    connectionString: orm.config.get('clientUrl'),
    schema: 'pgboss',
    max: 4,
    superviseIntervalSeconds: settings.superviseSeconds,
    monitorIntervalSeconds: settings.superviseSeconds,
  });
  boss.on('error', (error: unknown) => log.warn({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(DEAD_LETTERS);
  for (const name of Object.values(QUEUE)) {
    const policy = { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true, expireInSeconds: settings.expireSeconds, deadLetter: DEAD_LETTERS };
    await boss.createQueue(name, { ...policy, retryDelayMax: 3_600 });
    // An existing queue takes this process's settings (processes of one deployment share them).
    await boss.updateQueue(name, policy);
  }
  const email = settings.smtpUrl ? emailSender(settings.smtpUrl, settings.mailFrom) : null;
  const runtime: NotificationRuntime = { boss, email, settings, modules: services.modules };
  runtimes.set(orm.config, runtime);

  const absolute = (link: string | null) => (link ? `${settings.portalUrl}${link}` : null);

  /** Sends one delivery; returns false when there was nothing to send (sent already, or skipped). */
  async function deliver(channel: Channel, notificationId: string): Promise<boolean> {
    const em = orm.em.fork();
    const [claimed] = await em.execute<Claimed[]>(
      `update notification_delivery d set status = 'SENDING', attempts = d.attempts + 1
         from notification n
        where d.notification_id = ? and d.channel = ? and n.id = d.notification_id
          and d.status in ('QUEUED', 'FAILED', 'SENDING')
        returning d.address, n.kind, n.title, n.body, n.link, n.enterprise_id`,
      [notificationId, channel],
    );
    if (!claimed) return false;
    const idempotencyKey = `${notificationId}:${channel}`;
    if (channel === Channel.EMAIL) {
      if (!email) throw new Error('SMTP_URL is not set in this process');
      await email.send({ to: claimed.address, subject: claimed.title, text: claimed.body, link: absolute(claimed.link), messageId: `<notification-${notificationId}@dangjian>` });
    } else {
      const [gateway] = await em.execute<{ url: string; secret: string; allow_private_network: boolean }[]>(
        'select url, secret, allow_private_network from notification_gateway where enterprise_id = ? and channel = ?',
        [claimed.enterprise_id, channel],
      );
      if (!gateway) throw new Error(`no ${channel} gateway is configured for the enterprise any more`);
      const text = channel === Channel.SMS ? `【数字党建】${claimed.title}：${claimed.body}` : claimed.body;
      await callWebhook(
        { url: gateway.url, secret: gateway.secret, allowPrivateNetwork: gateway.allow_private_network },
        { id: idempotencyKey, channel, to: claimed.address, kind: claimed.kind, title: claimed.title, text, link: absolute(claimed.link) },
        idempotencyKey,
        settings.webhookTimeoutMs,
      );
    }
    await em.execute(`update notification_delivery set status = 'SENT', sent_at = now(), reason = null where notification_id = ? and channel = ?`, [notificationId, channel]);
    return true;
  }

  // A process without an SMTP server takes no e-mail jobs (another process may have one).
  for (const channel of Object.values(Channel).filter((c) => c !== Channel.EMAIL || email)) {
    await boss.work(
      QUEUE[channel],
      { batchSize: 50, localConcurrency: 4, pollingIntervalSeconds: settings.pollSeconds, includeMetadata: true, perJobResults: true } as const,
      // The jobs of a batch go out side by side (e-mail shares a pool of SMTP connections).
      async (jobs: JobWithMetadata<DeliveryJob>[]): Promise<JobResult[]> =>
        Promise.all(
          jobs.map(async (job): Promise<JobResult> => {
            try {
              await deliver(channel, job.data.notificationId);
              return { id: job.id, status: 'completed' };
            } catch (error) {
              const last = job.retryCount >= job.retryLimit;
              const reason = String((error as Error).message ?? error).slice(0, 500);
              await orm.em
                .fork()
                .execute(`update notification_delivery set status = ?, reason = ? where notification_id = ? and channel = ? and status <> 'SENT'`, [last ? 'DEAD' : 'FAILED', reason, job.data.notificationId, channel])
                .catch(() => {});
              log.warn({ channel, notificationId: job.data.notificationId, attempt: job.retryCount + 1, last, reason }, last ? 'delivery failed for good: dead-lettered' : 'delivery failed; it will be retried');
              return { id: job.id, status: 'failed', output: { reason } };
            }
          }),
        ),
    );
  }

  // The daily e-mail digest, at 08:00 China time: one message per person with what waited.
  await boss.createQueue(DIGEST);
  if (email) {
    await boss.schedule(DIGEST, '0 8 * * *', null, { tz: 'Asia/Shanghai' });
    await boss.work(DIGEST, { pollingIntervalSeconds: settings.pollSeconds }, async () => {
      await sendDigests(orm, email, absolute('/workspace/notifications'));
    });
  }

  // Reminder rules of every module, on an interval in every process; each goes out once.
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runReminders(orm, services.modules, log)
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error }, 'reminder pass failed'))
      .finally(() => (running = null));
  }, settings.reminderIntervalMs);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await running;
      runtimes.delete(orm.config);
      await boss.stop({ graceful: true, timeout: 5_000 });
      email?.close();
    },
  };
}

/** One e-mail per person with the notifications that waited for the digest. */
export async function sendDigests(orm: MikroORM, email: EmailSender, link: string | null): Promise<number> {
  const em = orm.em.fork();
  const waiting = await em.execute<{ address: string; user_id: number; items: { id: string; title: string }[] }[]>(
    `with due as (
       update notification_delivery d set status = 'SENDING'
        where d.channel = 'EMAIL' and d.status = 'DIGEST'
        returning d.notification_id, d.address)
     select due.address, n.recipient_id as user_id, json_agg(json_build_object('id', n.id, 'title', n.title) order by n.id) as items
       from due join notification n on n.id = due.notification_id
      group by due.address, n.recipient_id`,
  );
  for (const person of waiting) {
    const ids = person.items.map((i) => i.id);
    try {
      await email.send({
        to: person.address,
        subject: `数字党建每日通知摘要（${person.items.length} 条）`,
        text: person.items.map((i, n) => `${n + 1}. ${i.title}`).join('\n'),
        link,
        messageId: `<digest-${ids[0]}-${ids.at(-1)}@dangjian>`,
      });
      await em.execute(`update notification_delivery set status = 'SENT', sent_at = now() where channel = 'EMAIL' and notification_id = any(?::bigint[])`, [`{${ids.join(',')}}`]);
    } catch (error) {
      await em.execute(`update notification_delivery set status = 'DIGEST', reason = ? where channel = 'EMAIL' and notification_id = any(?::bigint[])`, [String((error as Error).message).slice(0, 500), `{${ids.join(',')}}`]);
    }
  }
  return waiting.length;
}
