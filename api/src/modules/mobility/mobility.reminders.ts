/**
 * The contact rules of §5 as reminders, not only flags: when six months pass without a contact
 * (or a year without the report home), the home branch's admins and those above are told, once
 * per registration and due day.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../core/graphql/relay.js';
import type { ReminderRule } from '../../core/module.js';
import { chinaToday } from '../members/member.rules.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { adminsAbove } from '../identity/admins-above.js';

export const OUT_OF_TOUCH = defineNotificationKind<{ name: string; place: string; since: string; what: string }>({
  kind: 'mobility.out_of_touch',
  label: '流动党员联系提醒',
  title: (p) => `流动党员联系提醒：${p.name}`,
  body: (p) => `${p.name}同志（外出至${p.place}）${p.what}（自${p.since}）。请及时联系并记录。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const outOfTouch: ReminderRule = {
  name: 'mobility.outOfTouch',
  description: 'A member away: no contact for 6 months, or no report home for a year — the home branch’s admins and those above.',
  async due(em: EntityManager, now: Date) {
    const today = chinaToday(now);
    const rows = await em.execute<{ id: number; enterprise_id: number; home_organization_id: number; name: string; place: string; last_contact: string; last_report: string }[]>(
      `select r.id, r.enterprise_id, r.home_organization_id, m.name, r.place,
              to_char(coalesce(max(c.contacted_on), r.starts_on), 'YYYY-MM-DD') as last_contact,
              to_char(coalesce(max(c.contacted_on) filter (where c.kind = 'YEARLY_REPORT'), r.starts_on), 'YYYY-MM-DD') as last_report
         from mobile_registration r join member m on m.id = r.member_id left join mobile_contact c on c.registration_id = r.id
        where r.status in ('APPROVED', 'AT_HOST')
        group by r.id, m.name
       having coalesce(max(c.contacted_on), r.starts_on) + interval '6 months' < ?::date
           or coalesce(max(c.contacted_on) filter (where c.kind = 'YEARLY_REPORT'), r.starts_on) + interval '12 months' < ?::date`,
      [today, today],
    );
    return rows.map((r) => {
      const silent = new Date(`${r.last_contact}T00:00:00Z`);
      silent.setUTCMonth(silent.getUTCMonth() + 6);
      const what = silent.toISOString().slice(0, 10) < today ? '已超过6个月未联系' : '已超过1年未向党组织报告';
      return {
        enterpriseId: r.enterprise_id,
        subject: String(r.id),
        due: what === '已超过6个月未联系' ? `contact/${r.last_contact}` : `report/${r.last_report}`,
        send: async (tx: EntityManager) => {
          await notify(tx, {
            kind: OUT_OF_TOUCH,
            params: { name: r.name, place: r.place, since: what === '已超过6个月未联系' ? r.last_contact : r.last_report, what },
            recipients: await adminsAbove(tx, r.home_organization_id),
            enterpriseId: r.enterprise_id,
            organizationId: r.home_organization_id,
            link: `/workspace/mobile/${toGlobalId('MobileRegistration', r.id)}`,
          });
        },
      };
    });
  },
};
