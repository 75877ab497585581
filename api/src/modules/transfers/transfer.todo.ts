/**
 * What transfers ask of people: 待办 for each side (the branch agrees, the committee issues and
 * archives, the receiver receives and records the 报到 — oldest first, overdue by the letter's
 * validity), and a reminder three days before a letter expires.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { ReminderRule, TodoSource } from '../../core/module.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { chinaToday } from '../members/member.rules.js';
import type { Organization } from '../organizations/organization.entity.js';
import { TransferReach, TransferStatus } from './states.js';
import { Transfer } from './transfer.entity.js';
import { adminsAbove } from '../identity/admins-above.js';
import { notify, transferLink } from './transfer.notifications.js';

const WAITING: Record<string, string> = {
  APPLIED: '组织关系转接待支部审核',
  RETURNED: '组织关系转接待修改',
  BRANCH_AGREED: '组织关系转接待党委审批',
  ISSUED: '组织关系转入待接收',
  RECEIVED: '组织关系转入待报到',
  REPORTED: '组织关系转接待归档',
};

const endOfDay = (day: string | null) => (day ? new Date(`${day}T23:59:59+08:00`) : null);

export const transferTodos: TodoSource = {
  name: 'transfers',
  async items(ctx, limit) {
    const manages = accessibleWhere<Organization>(ctx.ability, 'manageMemberRecords', 'Organization');
    if (manages === null) return [];
    const orgs = isUnrestricted(manages) ? {} : manages;
    const rows = await ctx.em.find(
      Transfer,
      {
        $or: [
          { status: { $in: [TransferStatus.APPLIED, TransferStatus.RETURNED] }, fromOrganization: orgs },
          { status: { $in: [TransferStatus.BRANCH_AGREED, TransferStatus.REPORTED] }, sendingCommittee: orgs },
          { status: { $in: [TransferStatus.ISSUED, TransferStatus.RECEIVED] }, toOrganization: orgs },
          { status: TransferStatus.ISSUED, reach: TransferReach.EXTERNAL, sendingCommittee: orgs },
        ],
      } as FilterQuery<Transfer>,
      { orderBy: { updatedAt: 'asc' }, limit },
    );
    return rows.map((t) => ({
      kind: 'transfers.waiting',
      title: WAITING[t.status] ?? '组织关系转接',
      link: transferLink(t),
      since: t.updatedAt,
      dueAt: t.status === TransferStatus.ISSUED || t.status === TransferStatus.RECEIVED ? endOfDay(t.validUntil) : null,
      organizationId: t.fromOrganization.id,
    }));
  },
};

export const LETTER_EXPIRING = defineNotificationKind<{ name: string; letter: string; validUntil: string }>({
  kind: 'transfers.letter_expiring',
  label: '介绍信即将逾期',
  title: (p) => `介绍信即将逾期：${p.name}`,
  body: (p) => `${p.name}同志的组织关系介绍信（${p.letter}）将于${p.validUntil}逾期，尚未被接收。逾期后须由转出党委重新开具。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const letterExpiring: ReminderRule = {
  name: 'transfers.letterExpiring',
  description: 'Three days before an issued letter expires unreceived: the admins of both sides.',
  async due(em: EntityManager, now: Date) {
    const today = chinaToday(now);
    const rows = await em.execute<{ id: number; enterprise_id: number; sending_committee_id: number; to_organization_id: number | null; letter_number: string; valid_until: string; name: string }[]>(
      `select t.id, t.enterprise_id, t.sending_committee_id, t.to_organization_id, t.letter_number, to_char(t.valid_until, 'YYYY-MM-DD') as valid_until, m.name
         from transfer t join member m on m.id = t.member_id
        where t.status = 'ISSUED' and t.valid_until >= ?::date and t.valid_until - 3 <= ?::date`,
      [today, today],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.id),
      due: `${r.letter_number}/${r.valid_until}`,
      send: async (tx: EntityManager) => {
        const recipients = [...(await adminsAbove(tx, r.sending_committee_id)), ...(r.to_organization_id ? await adminsAbove(tx, r.to_organization_id) : [])];
        await notify(tx, { kind: LETTER_EXPIRING, params: { name: r.name, letter: r.letter_number, validUntil: r.valid_until }, recipients, enterpriseId: r.enterprise_id, organizationId: r.sending_committee_id, link: transferLink({ id: r.id } as Transfer) });
      },
    }));
  },
};
