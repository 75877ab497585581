/**
 * What the content workflow tells people: reviewers when an item enters review, the author when
 * it is approved or sent back. Sent in the transaction of the change (a rolled-back change tells
 * nobody), through the notifications module.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { ContentStatus } from './content-enums.js';
import { contentKind, typeNameOf } from './kinds.js';
import type { Content } from './content.entity.js';


type ItemParams = { what: string; title: string; organization: string };

export const CONTENT_SUBMITTED = defineNotificationKind<ItemParams>({
  kind: 'content.submitted',
  label: '稿件提交审核',
  title: (p) => `待审核：${p.title}`,
  body: (p) => `${p.organization}提交了${p.what}《${p.title}》，请您审核。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const CONTENT_APPROVED = defineNotificationKind<ItemParams>({
  kind: 'content.approved',
  label: '稿件审核通过',
  title: (p) => `已通过：${p.title}`,
  body: (p) => `您提交的${p.what}《${p.title}》已审核通过并发布。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const CONTENT_REJECTED = defineNotificationKind<ItemParams & { reason: string }>({
  kind: 'content.rejected',
  label: '稿件被退回',
  title: (p) => `已退回：${p.title}`,
  body: (p) => `您提交的${p.what}《${p.title}》被退回，原因：${p.reason}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

/** Reviewers and admins at or above an organisation (its path), the actor left out. */
export async function reviewersAbove(em: EntityManager, path: string, except: number | null): Promise<number[]> {
  const rows = await em.execute<{ user_id: number }[]>(
    `select distinct m.user_id from membership m join organization o on o.id = m.organization_id
      where m.role in ('REVIEWER', 'ORG_ADMIN') and o.archived_at is null and ? like o.path || '%'`,
    [path],
  );
  return rows.map((r) => r.user_id).filter((id) => id !== except);
}


/** Tells whom a workflow step concerns; `before` is the status the item had. */
export async function announceTransition(em: EntityManager, content: Content, before: ContentStatus, actorUserId: number | null): Promise<void> {
  if (before === content.status) return;
  const [owner] = await em.execute<{ name: string; path: string }[]>('select name, path from organization where id = ?', [content.organization.id]);
  const params: ItemParams = { what: contentKind(content.kind).label, title: content.title, organization: owner!.name };
  const common = { enterpriseId: content.enterprise.id, organizationId: content.organization.id };
  const author = content.author?.id ?? null;
  if (content.status === ContentStatus.IN_REVIEW) {
    await notify(em, { ...common, kind: CONTENT_SUBMITTED, params, recipients: await reviewersAbove(em, owner!.path, actorUserId ?? author), link: contentKind(content.kind).reviewLink });
  } else if (before === ContentStatus.IN_REVIEW && content.status === ContentStatus.PUBLISHED && author !== null && author !== actorUserId) {
    const link = content.kind === 'NEWS' ? `/news/${toGlobalId(typeNameOf(content.kind), content.id)}` : '/workspace/';
    await notify(em, { ...common, kind: CONTENT_APPROVED, params, recipients: [author], link });
  } else if (content.status === ContentStatus.REJECTED && author !== null && author !== actorUserId) {
    await notify(em, { ...common, kind: CONTENT_REJECTED, params: { ...params, reason: content.rejectionReason ?? '' }, recipients: [author], link: '/workspace/' });
  }
}

export const RECOMMENDATION_DECIDED = defineNotificationKind<{ title: string; organization: string; outcome: string; reason: string }>({
  kind: 'content.recommendation_decided',
  label: '上报处理结果',
  title: (p) => `上报${p.outcome}：${p.title}`,
  body: (p) => `您上报到${p.organization}的《${p.title}》已被${p.outcome}${p.reason ? `，原因：${p.reason}` : '。'}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

/** Tells whoever recommended an item what the level above decided. */
export async function announceRecommendationDecision(em: EntityManager, recommendation: { content: { id: string | number }; toOrganization: { id: number }; recommendedBy: { id: number } | null; declineReason: string | null }, accepted: boolean, actorUserId: number): Promise<void> {
  const by = recommendation.recommendedBy?.id ?? null;
  if (by === null || by === actorUserId) return;
  const [row] = await em.execute<{ title: string; enterprise_id: number; organization: string }[]>(
    'select c.title, c.enterprise_id, o.name as organization from content c join organization o on o.id = ? where c.id = ?',
    [recommendation.toOrganization.id, recommendation.content.id],
  );
  if (!row) return;
  await notify(em, {
    kind: RECOMMENDATION_DECIDED,
    params: { title: row.title, organization: row.organization, outcome: accepted ? '采纳' : '退回', reason: recommendation.declineReason ?? '' },
    recipients: [by],
    enterpriseId: row.enterprise_id,
    organizationId: recommendation.toOrganization.id,
    link: '/workspace/',
  });
}
