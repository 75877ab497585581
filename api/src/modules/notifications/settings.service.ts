/** A person's notification settings: channels per kind, quiet hours, the digest, a 企业微信 account. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../core/graphql/errors.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { notificationKind, notificationKinds } from './kinds.js';
import { Channel, NotificationPreference, NotificationProfile } from './notification.entity.js';
import { runtimeFor } from './runtime.js';
import type { ChannelStatusType, NotificationSettingsInput, NotificationSettingsType } from './notification.types.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
function minutesOf(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw badInput('A time is HH:MM, e.g. 22:00.', field);
  return Number(match[1]) * 60 + Number(match[2]);
}

export async function notificationSettings(em: EntityManager, userId: number): Promise<NotificationSettingsType> {
  const profile = await em.findOne(NotificationProfile, { user: userId });
  const prefs = await em.find(NotificationPreference, { user: userId });
  const [user] = await em.execute<{ email: string | null; phone: string | null; gateways: Channel[] | null }[]>(
    `select u.email, u.phone,
            (select array_agg(distinct g.channel) from notification_gateway g
              where g.enterprise_id in (select m.enterprise_id from membership m where m.user_id = u.id)) as gateways
       from app_user u where u.id = ?`,
    [userId],
  );
  const gateways = new Set(user?.gateways ?? []);
  const email = runtimeFor(em)?.email;
  const channels: ChannelStatusType[] = [
    { channel: Channel.EMAIL, available: !!email && !!user?.email, reason: !email ? 'E-mail is off on this platform (SMTP_URL is not set).' : user?.email ? null : 'Your account has no e-mail address.' },
    { channel: Channel.SMS, available: gateways.has(Channel.SMS) && !!user?.phone, reason: !gateways.has(Channel.SMS) ? 'Your enterprise has no SMS gateway.' : user?.phone ? null : 'Your account has no phone number.' },
    {
      channel: Channel.WECOM,
      available: gateways.has(Channel.WECOM) && !!(profile?.wecomUserId ?? user?.phone),
      reason: !gateways.has(Channel.WECOM) ? 'Your enterprise has no 企业微信 gateway.' : (profile?.wecomUserId ?? user?.phone) ? null : 'No 企业微信 account or phone number.',
    },
  ];
  const chosen = (kind: string, channel: Channel, fallback: boolean) => prefs.find((p) => p.kind === kind && p.channel === channel)?.enabled ?? fallback;
  return {
    channels,
    quietFrom: hhmm(profile?.quietFrom ?? 22 * 60),
    quietUntil: hhmm(profile?.quietUntil ?? 7 * 60),
    emailDigest: profile?.emailDigest ?? false,
    wecomUserId: profile?.wecomUserId ?? null,
    kinds: notificationKinds()
      .map((k) => ({
        kind: k.kind,
        label: k.label,
        channels: Object.values(Channel).filter((c) => chosen(k.kind, c, k.defaults[c])),
        defaults: Object.values(Channel).filter((c) => k.defaults[c]),
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}

export async function updateNotificationSettings(em: EntityManager, userId: number, input: NotificationSettingsInput): Promise<NotificationSettingsType> {
  await em.transactional(async (tx) => {
    let profile = await tx.findOne(NotificationProfile, { user: userId });
    if (!profile) profile = tx.create(NotificationProfile, { user: userId });
    if (input.quietFrom != null) profile.quietFrom = minutesOf(input.quietFrom, 'quietFrom');
    if (input.quietUntil != null) profile.quietUntil = minutesOf(input.quietUntil, 'quietUntil');
    if (input.emailDigest != null) profile.emailDigest = input.emailDigest;
    if (input.wecomUserId !== undefined) profile.wecomUserId = plainLine(input.wecomUserId, 'wecomUserId', 64) || null;
    for (const { kind, channels } of input.kinds ?? []) {
      const declared = notificationKind(kind);
      if (!declared) throw badInput(`Unknown notification kind: ${kind.slice(0, 60)}.`, 'kinds');
      for (const channel of Object.values(Channel)) {
        const enabled = channels.includes(channel);
        await tx.upsert(NotificationPreference, { user: userId, kind, channel, enabled });
      }
    }
    await tx.flush();
  });
  return notificationSettings(em, userId);
}
