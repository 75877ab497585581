/**
 * Reminders of organisational life: the invited, the day before a meeting (those not on leave);
 * and a branch's admins, a set number of days (LOCAL, 5) before a month, quarter or year closes,
 * of every item of the compliance calendar not yet held for it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderRule } from '../../core/module.js';
import { adminsAbove } from '../identity/admins-above.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { chinaToday } from '../members/member.rules.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import type { Organization } from '../organizations/organization.entity.js';
import { closesAt, ItemStatus, parsePeriod } from './compliance.js';
import { lifeOf } from './compliance.service.js';
import { meetingLink } from './meeting.notifications.js';
import { LIFE_REMINDER_DAYS } from './meeting.local-rules.js';
import { MEETING_LABEL, type MeetingType } from './meeting-types.js';

export const UPCOMING = defineNotificationKind<{ type: string; topic: string; when: string; where: string }>({
  kind: 'meetings.upcoming',
  label: '会议提醒',
  title: (p) => `明日${p.type}：${p.topic}`,
  body: (p) => `${p.type}（${p.topic}）将于${p.when}召开，地点：${p.where}。`,
  defaults: { EMAIL: false, SMS: true, WECOM: true },
});

export const LIFE_DUE = defineNotificationKind<{ branch: string; items: string; closes: string }>({
  kind: 'meetings.life_due',
  label: '组织生活未完成提醒',
  title: (p) => `组织生活提醒：${p.branch}`,
  body: (p) => `${p.branch}尚未完成：${p.items}。本期将于${p.closes}结束，请及时安排并报送记录。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

const DAY = 24 * 3600_000;
const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export const meetingTomorrow: ReminderRule = {
  name: 'meetings.upcoming',
  description: 'A day before a meeting: the invited who have not asked for leave.',
  async due(em: EntityManager, now: Date) {
    const rows = await em.execute<{ id: number; enterprise_id: number; organization_id: number; type: MeetingType; topic: string; starts_at: Date; place: string | null }[]>(
      `select id, enterprise_id, organization_id, type, topic, starts_at, place from meeting where status = 'PLANNED' and starts_at > ? and starts_at <= ?`,
      [now, new Date(now.getTime() + DAY)],
    );
    return rows.map((m) => ({
      enterpriseId: m.enterprise_id,
      subject: String(m.id),
      due: new Date(m.starts_at).toISOString(),
      send: async (tx: EntityManager) => {
        const people = await tx.execute<{ user_id: number }[]>(
          `select m.user_id from meeting_attendee a join member m on m.id = a.member_id where a.meeting_id = ? and a.attendance = 'EXPECTED' and m.user_id is not null`,
          [m.id],
        );
        await notify(tx, {
          kind: UPCOMING,
          params: { type: MEETING_LABEL[m.type], topic: m.topic, when: chinaTime(new Date(m.starts_at)), where: m.place ?? '线上会议' },
          recipients: people.map((p) => p.user_id),
          enterpriseId: m.enterprise_id,
          organizationId: m.organization_id,
          link: meetingLink(m.id),
        });
      },
    }));
  },
};

export const lifeDue: ReminderRule = {
  name: 'meetings.lifeDue',
  description: 'Before a month, quarter or year closes (LOCAL, 5 days): a branch’s admins, of what it has not yet held for it.',
  async due(em: EntityManager, now: Date) {
    const month = parsePeriod(chinaToday(now).slice(0, 7));
    // The month's cycles (the month, its quarter, its year) that close within the longest lead time.
    const branches = await em.execute<(Pick<Organization, 'id' | 'name' | 'path'> & { enterprise_id: number })[]>(
      `select o.id, o.name, o.path, o.enterprise_id from organization o
        where o.level = 'BRANCH' and o.archived_at is null and not o.temporary and exists (select 1 from member m where m.organization_id = o.id and m.status = 'NORMAL')`,
    );
    const byEnterprise = new Map<number, typeof branches>();
    for (const b of branches) byEnterprise.set(b.enterprise_id, [...(byEnterprise.get(b.enterprise_id) ?? []), b]);
    const out = [];
    for (const [enterpriseId, list] of byEnterprise) {
      const lead = (await localRuleValue(em, enterpriseId, LIFE_REMINDER_DAYS.key)) * DAY;
      if (closesAt(month).getTime() - now.getTime() > lead) continue; // nothing closes soon (a quarter or year closes with its last month)
      const lives = await lifeOf(em, enterpriseId, list.map((b) => ({ ...b, enterprise: { id: enterpriseId } }) as unknown as Organization), month, now);
      for (const life of lives) {
        const open = life.rows.filter((r) => r.status === ItemStatus.OPEN && closesAt(parsePeriod(r.cycle)).getTime() - now.getTime() <= lead);
        if (open.length === 0) continue;
        out.push({
          enterpriseId,
          subject: String(life.organization.id),
          due: open.map((r) => `${r.item}/${r.cycle}`).join(','),
          send: async (tx: EntityManager) => {
            await notify(tx, {
              kind: LIFE_DUE,
              params: { branch: life.organization.name, items: open.map((r) => `${r.label}（${r.cycle}）`).join('、'), closes: chinaToday(new Date(closesAt(month).getTime() - DAY)) },
              recipients: await adminsAbove(tx, life.organization.id),
              enterpriseId,
              organizationId: life.organization.id,
              link: '/workspace/life',
            });
          },
        });
      }
    }
    return out;
  },
};
