/**
 * What 党务公开 tells people: the owner's reviewers and admins when feedback arrives on a 公示,
 * and the day before a 公示 closes (a reminder rule, sent once); and what waits for them (待办):
 * the secrecy review, 审批, and feedback not yet answered while a notice is open.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import type { ReminderRule, TodoSource } from '../../core/module.js';
import { ContentStatus } from '../content/content-enums.js';
import type { Content } from '../content/content.entity.js';
import { reviewersAbove } from '../content/content.notifications.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { DisclosureStep } from './disclosure-enums.js';
import { Disclosure, DisclosureFeedback } from './disclosure.entity.js';

const chinaDate = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);

export const FEEDBACK_RECEIVED = defineNotificationKind<{ title: string; excerpt: string }>({
  kind: 'disclosure.feedback_received',
  label: '公示收到意见',
  title: (p) => `公示收到意见：${p.title}`,
  body: (p) => `公示《${p.title}》收到一条意见：“${p.excerpt}”。请在公示期内核实并答复。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const NOTICE_CLOSING = defineNotificationKind<{ title: string; organization: string; endsAt: string }>({
  kind: 'disclosure.notice_closing',
  label: '公示即将截止',
  title: (p) => `公示明天截止：${p.title}`,
  body: (p) => `${p.organization}的公示《${p.title}》将于${p.endsAt}截止，请及时处理收到的意见。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

/** Tells the owner's reviewers and admins that feedback arrived (inside the feedback's transaction). */
export async function announceFeedback(em: EntityManager, contentId: string, body: string): Promise<void> {
  const [row] = await em.execute<{ title: string; enterprise_id: number; organization_id: number; path: string }[]>(
    'select c.title, c.enterprise_id, c.organization_id, o.path from content c join organization o on o.id = c.organization_id where c.id = ?',
    [contentId],
  );
  if (!row) return;
  const excerpt = body.length > 60 ? `${body.slice(0, 60)}…` : body;
  await notify(em, { kind: FEEDBACK_RECEIVED, params: { title: row.title, excerpt }, recipients: await reviewersAbove(em, row.path, null), enterpriseId: row.enterprise_id, organizationId: row.organization_id, link: '/workspace/steps' });
}

/** The day before a published 公示 closes: its owner's reviewers and admins, once. */
export const noticeClosing: ReminderRule = {
  name: 'disclosure.noticeClosing',
  description: 'The day before a 公示 closes: the owner’s reviewers and admins are reminded to answer its feedback.',
  async due(em, now) {
    // disclosure_notice_idx: open notices by when their window ends.
    const rows = await em.execute<{ id: string; title: string; enterprise_id: number; organization_id: number; name: string; path: string; ends_at: Date }[]>(
      `select c.id, c.title, c.enterprise_id, c.organization_id, o.name, o.path, d.notice_ends_at as ends_at
         from disclosure d join content c on c.id = d.content_id join organization o on o.id = c.organization_id
        where d.notice_ends_at is not null and d.notice_ends_at > ? and d.notice_ends_at <= ?::timestamptz + interval '1 day'
          and c.status = 'PUBLISHED'`,
      [now, now],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.id),
      due: new Date(r.ends_at).toISOString(),
      send: async (tx: EntityManager) => {
        await notify(tx, {
          kind: NOTICE_CLOSING,
          params: { title: r.title, organization: r.name, endsAt: chinaDate(new Date(r.ends_at)) },
          recipients: await reviewersAbove(tx, r.path, null),
          enterpriseId: r.enterprise_id,
          organizationId: r.organization_id,
          link: '/workspace/steps',
        });
      },
    }));
  },
};

/** 待办 of 党务公开: the secrecy review (reviewers), 审批 (admins), unanswered feedback while open. */
export const disclosureTodos: TodoSource = {
  name: 'disclosures',
  async items(ctx: Context, limit: number) {
    const under = (action: 'review' | 'approveDisclosure' | 'readFeedback') => {
      const access = accessibleWhere<Content>(ctx.ability, action, 'Content');
      return access === null ? null : isUnrestricted(access) ? {} : access;
    };
    const steps: Disclosure[] = [];
    for (const [action, step] of [['review', DisclosureStep.PROPOSED], ['approveDisclosure', DisclosureStep.REVIEWED]] as const) {
      const access = under(action);
      if (access === null) continue;
      steps.push(
        ...(await ctx.em.find(Disclosure, { step, content: { $and: [{ status: ContentStatus.IN_REVIEW }, access] } } as FilterQuery<Disclosure>, { populate: ['content'], orderBy: { content: { updatedAt: 'asc' } }, limit })),
      );
    }
    const access = under('readFeedback');
    const waiting = access === null ? [] : await ctx.em.find(
      DisclosureFeedback,
      { reply: null, content: access } as FilterQuery<DisclosureFeedback>,
      { orderBy: { createdAt: 'asc' }, limit },
    );
    const notices = waiting.length ? await ctx.em.find(Disclosure, { content: { $in: [...new Set(waiting.map((f) => String(f.content.id)))] }, noticeEndsAt: { $gt: new Date() } }, { populate: ['content'] }) : [];
    return [
      ...steps.map((d) => {
        const c = d.content.getEntity();
        const proposed = d.step === DisclosureStep.PROPOSED;
        return { kind: proposed ? 'disclosure.review' : 'disclosure.approve', title: `${proposed ? '保密审查' : '审批'}：${c.title}`, link: '/workspace/steps', since: c.updatedAt, dueAt: null, organizationId: c.organization.id };
      }),
      ...notices.map((d) => {
        const c = d.content.getEntity();
        const since = waiting.find((f) => String(f.content.id) === String(c.id))!.createdAt;
        return { kind: 'disclosure.feedback', title: `答复公示意见：${c.title}`, link: '/workspace/steps', since, dueAt: d.noticeEndsAt, organizationId: c.organization.id };
      }),
    ];
  },
};
