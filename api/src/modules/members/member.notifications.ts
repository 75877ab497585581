/**
 * What the member database tells people: an election coming due, to the admins of the
 * organisation and those above — once per term, at the enterprise's lead time (LOCAL).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../core/graphql/relay.js';
import { adminsAbove } from '../identity/admins-above.js';
import type { ReminderRule } from '../../core/module.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { ELECTION_REMINDER_DAYS } from './member.local-rules.js';
import { chinaToday } from './member.rules.js';

export const ELECTION_DUE = defineNotificationKind<{ organization: string; endsOn: string }>({
  kind: 'members.election_due',
  label: '换届提醒',
  title: (p) => `换届提醒：${p.organization}`,
  body: (p) => `${p.organization}本届委员会任期将于${p.endsOn}届满，请按程序做好换届选举准备；延期或提前换届须经上级党组织批准。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const electionDue: ReminderRule = {
  name: 'members.electionDue',
  description: 'Before a committee’s term ends (the enterprise’s lead time, 90 days by default): the admins of the organisation and above.',
  async due(em, now) {
    const today = chinaToday(now);
    // committee_term_latest_idx: each organisation's latest term, then those ending within the lead time.
    const rows = await em.execute<{ organization_id: number; enterprise_id: number; name: string; path: string; ends_on: string }[]>(
      `select t.organization_id, t.enterprise_id, o.name, o.path, t.ends_on
         from (select distinct on (organization_id) organization_id, enterprise_id,
                      to_char(elected_on + make_interval(years => term_years), 'YYYY-MM-DD') as ends_on
                 from committee_term order by organization_id, elected_on desc) t
         join organization o on o.id = t.organization_id
        where o.archived_at is null and t.ends_on >= ?
          and t.ends_on::date - coalesce((select s.value from local_rule_setting s where s.enterprise_id = t.enterprise_id and s.key = ?), ?) <= ?::date`,
      [today, ELECTION_REMINDER_DAYS.key, ELECTION_REMINDER_DAYS.default, today],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.organization_id),
      due: r.ends_on,
      send: async (tx: EntityManager) => {
        await notify(tx, {
          kind: ELECTION_DUE,
          params: { organization: r.name, endsOn: r.ends_on },
          recipients: await adminsAbove(tx, r.organization_id),
          enterpriseId: r.enterprise_id,
          organizationId: r.organization_id,
          link: `/workspace/members?branch=${toGlobalId('Organization', r.organization_id)}`,
        });
      },
    }));
  },
};
