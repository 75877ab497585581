/** What the mailbox tells and asks: an organisation's admins of a new suggestion; 待办 for those not yet answered. */
import type { FilterQuery } from '@mikro-orm/core';
import type { TodoSource } from '../../core/module.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import type { Organization } from '../organizations/organization.entity.js';
import { MailStatus, MassSuggestion } from './mailbox.entity.js';

export const MAIL_RECEIVED = defineNotificationKind<{ subject: string; organization: string }>({
  kind: 'mailbox.received',
  label: '群众意见箱来信',
  title: (p) => `群众来信：${p.subject}`,
  body: (p) => `${p.organization}的群众意见箱收到一条新意见：${p.subject}。请及时办理答复。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const mailboxTodos: TodoSource = {
  name: 'mailbox',
  async items(ctx, limit) {
    const manages = accessibleWhere<Organization>(ctx.ability, 'manageOrganizationalLife', 'Organization');
    if (manages === null) return [];
    const open = await ctx.em.find(
      MassSuggestion,
      { status: { $ne: MailStatus.ANSWERED }, ...(isUnrestricted(manages) ? {} : { organization: manages }) } as FilterQuery<MassSuggestion>,
      { orderBy: { createdAt: 'asc' }, limit },
    );
    return open.map((s) => ({ kind: 'mailbox.answer', title: `群众意见待答复：${s.subject}`, link: '/workspace/mailbox', since: s.createdAt, dueAt: null, organizationId: s.organization.id }));
  },
};
