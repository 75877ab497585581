/** What 共建 tells people: the invited enterprise's top-level admins of a proposal, the proposer's of the answer; proposals waiting (待办). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { TodoSource } from '../../core/module.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { Partnership, PartnershipStatus } from './partnership.entity.js';

export const PARTNERSHIP_PROPOSED = defineNotificationKind<{ from: string; message: string }>({
  kind: 'partnership.proposed',
  label: '共建邀请',
  title: (p) => `共建邀请：${p.from}`,
  body: (p) => `${p.from}邀请贵单位开展共建共享${p.message ? `：${p.message}` : '。'}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const PARTNERSHIP_ANSWERED = defineNotificationKind<{ partner: string; outcome: string }>({
  kind: 'partnership.answered',
  label: '共建邀请答复',
  title: (p) => `共建邀请${p.outcome}：${p.partner}`,
  body: (p) => `${p.partner}已${p.outcome}贵单位的共建邀请。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

const topAdmins = async (em: EntityManager, enterpriseId: number) =>
  (await em.execute<{ user_id: number }[]>(
    `select distinct m.user_id from membership m join organization o on o.id = m.organization_id
      where m.role = 'ORG_ADMIN' and o.depth = 0 and o.enterprise_id = ? and o.archived_at is null`,
    [enterpriseId],
  )).map((r) => r.user_id);

const nameOf = async (em: EntityManager, enterpriseId: number) => (await em.execute<{ name: string }[]>('select name from enterprise where id = ?', [enterpriseId]))[0]?.name ?? '';

export async function announcePartnership(em: EntityManager, p: Partnership, action: string): Promise<void> {
  if (action === 'propose') {
    await notify(em, { kind: PARTNERSHIP_PROPOSED, params: { from: await nameOf(em, p.proposer.id), message: p.message }, recipients: await topAdmins(em, p.partner.id), enterpriseId: p.partner.id, link: '/workspace/decisions' });
  } else if (action === 'accept' || action === 'decline') {
    await notify(em, { kind: PARTNERSHIP_ANSWERED, params: { partner: await nameOf(em, p.partner.id), outcome: action === 'accept' ? '接受' : '婉拒' }, recipients: await topAdmins(em, p.proposer.id), enterpriseId: p.proposer.id, link: '/workspace/decisions' });
  }
}

/** Proposals to an enterprise the caller answers for. */
export const partnershipTodos: TodoSource = {
  name: 'partnerships',
  async items(ctx, limit) {
    const managed = accessibleWhere(ctx.ability, 'managePartnerships', 'Enterprise');
    if (managed === null) return [];
    const rows = await ctx.em.find(Partnership, { status: PartnershipStatus.PROPOSED, ...(isUnrestricted(managed) ? {} : { partner: managed }) } as never, { populate: ['proposer'], orderBy: { createdAt: 'asc' }, limit });
    return rows.map((p) => ({ kind: 'partnership.proposal', title: `共建邀请：${p.proposer.getEntity().name}`, link: '/workspace/decisions', since: p.createdAt, dueAt: null, organizationId: null }));
  },
};
