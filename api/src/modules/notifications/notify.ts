/**
 * Sending: `notify(em, { kind, params, recipients, … })`, called by any module inside the
 * transaction of the change that causes it. In that transaction it writes each recipient's
 * inbox row, a delivery row per outside channel the person has on, and the jobs that will send
 * them — so a change that rolls back sends nothing — and announces the new rows (live bell).
 *
 * Channels: the inbox always. E-mail when SMTP_URL is set and the person has an address (or into
 * the daily digest when they chose it); SMS and 企业微信 when the enterprise has a gateway, SMS
 * held until the end of the person's quiet hours. A channel that is off, or a person without an
 * address, gets a SKIPPED delivery with the reason — visible, never dropped silently.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely } from 'pg-boss';
import { emit } from '../../core/events/bus.js';
import { NOT_BACKFILL } from '../../core/db/backfill.js';
import { render, type NotificationKind, type Params } from './kinds.js';
import './notification.events.js';
import { Channel, DeliveryStatus } from './notification.entity.js';
import { afterQuietHours } from './quiet-hours.js';
import { QUEUE, runtimeFor } from './runtime.js';
import { intArray } from '../../core/db/sql-array.js';

export interface NotifyInput<P extends Params> {
  kind: NotificationKind<P>;
  params: P;
  recipients: Iterable<number>;
  enterpriseId: number;
  organizationId?: number | null;
  /** A path in the portal workspace, e.g. `/workspace/review`. */
  link?: string | null;
}

interface Recipient {
  id: number;
  email: string | null;
  phone: string | null;
  wecom_user_id: string | null;
  email_digest: boolean | null;
  quiet_from: number | null;
  quiet_until: number | null;
  prefs: Record<string, boolean> | null;
}

interface Delivery {
  notificationId: string;
  channel: Channel;
  address: string | null;
  status: DeliveryStatus;
  reason: string | null;
  notBefore: Date;
}

/** Writes the notifications and enqueues their deliveries; returns how many people it reached. */
export async function notify<P extends Params>(em: EntityManager, input: NotifyInput<P>): Promise<number> {
  if (!em.isInTransaction()) return em.transactional((tx) => notify(tx, input));
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) return 0;
  const { title, body } = render(input.kind, input.params);
  const rows = await em.execute<{ id: string; recipient_id: number }[]>(
    `insert into notification (enterprise_id, recipient_id, kind, title, body, link, organization_id)
     select ?, r, ?, ?, ?, ?, ? from unnest(?::int[]) r where ${NOT_BACKFILL}
     returning id, recipient_id`,
    [input.enterpriseId, input.kind.kind, title, body, input.link ?? null, input.organizationId ?? null, intArray(recipients)],
  );
  if (rows.length === 0) return 0; // a backfill: history is not news
  const byRecipient = new Map(rows.map((r) => [r.recipient_id, r.id]));

  const people = await em.execute<Recipient[]>(
    `select u.id, u.email, u.phone, p.wecom_user_id, p.email_digest, p.quiet_from, p.quiet_until,
            (select jsonb_object_agg(f.channel, f.enabled) from notification_preference f where f.user_id = u.id and f.kind = ?) as prefs
       from app_user u left join notification_profile p on p.user_id = u.id
      where u.id = any(?::int[])`,
    [input.kind.kind, intArray(recipients)],
  );
  const gateways = new Set((await em.execute<{ channel: Channel }[]>('select channel from notification_gateway where enterprise_id = ?', [input.enterpriseId])).map((g) => g.channel));
  const runtime = runtimeFor(em);
  const now = new Date();

  const deliveries: Delivery[] = [];
  for (const person of people) {
    const notificationId = byRecipient.get(person.id)!;
    for (const channel of Object.values(Channel)) {
      const wanted = person.prefs?.[channel] ?? input.kind.defaults[channel];
      if (!wanted) continue; // the person's own choice (or the kind's default): no delivery
      const address = channel === Channel.EMAIL ? person.email : channel === Channel.SMS ? person.phone : (person.wecom_user_id ?? person.phone);
      const off = !runtime
        ? 'no delivery worker runs in this process'
        : channel === Channel.EMAIL
          ? runtime.email
            ? null
            : 'e-mail is off: SMTP_URL is not set'
          : gateways.has(channel)
            ? null
            : `${channel} is off: the enterprise has no gateway`;
      const reason = off ?? (address ? null : `no ${channel === Channel.EMAIL ? 'e-mail address' : channel === Channel.SMS ? 'phone number' : '企业微信 account'} on the account`);
      const quiet = channel === Channel.SMS ? afterQuietHours(now, person.quiet_from ?? 22 * 60, person.quiet_until ?? 7 * 60) : now;
      const status = reason ? DeliveryStatus.SKIPPED : channel === Channel.EMAIL && person.email_digest ? DeliveryStatus.DIGEST : DeliveryStatus.QUEUED;
      deliveries.push({ notificationId, channel, address, status, reason, notBefore: quiet });
    }
  }
  if (deliveries.length) {
    await em.execute(
      `insert into notification_delivery (notification_id, channel, enterprise_id, address, status, reason, not_before)
       select d.notification_id, d.channel, ?, d.address, d.status, d.reason, d.not_before
         from jsonb_to_recordset(?::jsonb) as d(notification_id bigint, channel text, address text, status text, reason text, not_before timestamptz)`,
      [
        input.enterpriseId,
        JSON.stringify(deliveries.map((d) => ({ notification_id: d.notificationId, channel: d.channel, address: d.address, status: d.status, reason: d.reason, not_before: d.notBefore.toISOString() }))),
      ],
    );
    // The jobs, in the same transaction: a rollback leaves none.
    const db = fromKysely(em.getTransactionContext()!);
    for (const channel of Object.values(Channel)) {
      const jobs = deliveries
        .filter((d) => d.channel === channel && d.status === DeliveryStatus.QUEUED)
        .map((d) => ({ data: { notificationId: d.notificationId }, ...(d.notBefore > now ? { startAfter: d.notBefore } : {}) }));
      if (jobs.length && runtime) await runtime.boss.insert(QUEUE[channel], jobs, { db });
    }
  }
  const ids = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : 1));
  await emit(em, { type: 'notification.created', fromId: String(ids[0]), toId: String(ids.at(-1)), enterpriseId: input.enterpriseId, recipients: rows.length });
  return rows.length;
}
