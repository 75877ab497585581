/**
 * `pnpm bench`, notifications: one notification to 10,000 people in the inbox (from the call to
 * every row committed), and e-mail throughput through the delivery queue to a local SMTP server.
 */
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { MODULES, openAppOrm } from '../app.js';
import { loadConfig } from '../core/config.js';
import { defineNotificationKind } from '../modules/notifications/kinds.js';
import { notify } from '../modules/notifications/notify.js';
import { startNotifications } from '../modules/notifications/runtime.js';

const BROADCAST = defineNotificationKind<{ title: string }>({
  kind: 'bench.broadcast',
  label: '压测：站内通知',
  title: (p) => p.title,
  body: (p) => `${p.title}：请全体党员按时参加。`,
  defaults: { EMAIL: false, SMS: false, WECOM: false },
});
const MAIL = defineNotificationKind<{ title: string }>({
  kind: 'bench.mail',
  label: '压测：邮件',
  title: (p) => p.title,
  body: (p) => `${p.title}：请全体党员按时参加。`,
  defaults: { EMAIL: true, SMS: false, WECOM: false },
});

export async function benchNotifications(databaseUrl: string, say: (line: string) => void): Promise<void> {
  const log = pino({ level: 'silent' });
  const orm = await openAppOrm({ databaseUrl, log });
  let received = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (stream, _s, done) => (stream.on('data', () => {}), stream.on('end', () => (received++, done()))) });
  let stop: (() => Promise<void>) | undefined;
  try {
    const em = orm.em.fork();
    const people = (
      await em.execute<{ id: number }[]>(
        `insert into app_user (display_name, email, password_hash)
         select '通知压测' || g, 'notify' || g || '@bench.example', 'x' from generate_series(1, 10000) g returning id`,
      )
    ).map((r) => r.id);
    const [{ id: enterpriseId }] = (await em.execute<{ id: number }[]>(`select id from enterprise order by id limit 1`)) as [{ id: number }];

    // In the inbox: one call, 10,000 rows.
    const t0 = performance.now();
    const reached = await orm.em.fork().transactional((tx) => notify(tx, { kind: BROADCAST, params: { title: '关于召开党员大会的通知' }, recipients: people, enterpriseId }));
    const inbox = performance.now() - t0;
    say('');
    say('notifications (no target set by the issue: figures only)');
    say(`inbox: 1 notification to ${reached.toLocaleString('en')} people   ${inbox.toFixed(0).padStart(6)} ms   (enqueue to all rows committed)`);

    // E-mail: the delivery workers of one process against a local SMTP server.
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    const config = loadConfig({ NODE_ENV: 'production', SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`, NOTIFY_POLL_SECONDS: '1', REMINDER_INTERVAL_MS: '3600000' });
    stop = (await startNotifications({ orm, log, config, modules: MODULES })).stop;
    const count = 2_000;
    const t1 = performance.now();
    await orm.em.fork().transactional((tx) => notify(tx, { kind: MAIL, params: { title: '主题党日活动安排' }, recipients: people.slice(0, count), enterpriseId }));
    const deadline = Date.now() + 180_000;
    while (received < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const seconds = (performance.now() - t1) / 1000;
    say(`e-mail: ${received.toLocaleString('en')} of ${count.toLocaleString('en')} sent in ${seconds.toFixed(1)} s   ${(received / seconds).toFixed(0).padStart(6)} /s   (local SMTP, one process)`);
  } finally {
    await stop?.();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await orm.close();
  }
}
