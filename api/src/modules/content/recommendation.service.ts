/** 上报/推荐: recommending published items upward and deciding on them. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Content } from './content.entity.js';
import { announceRecommendationDecision } from './content.notifications.js';
import { ContentStatus } from './content-enums.js';
import { Recommendation, RecommendationStatus } from './recommendation.entity.js';
import { plainText } from '../../core/graphql/text-input.js';

const clean = (text: string, field: string) => plainText(text, field, 500);

/** Recommends a published item to an organisation above its owner (by default, the owner's parent). */
export async function recommendContent(em: EntityManager, actor: Actor, contentId: string, input: { toOrganizationId?: number | null; note?: string | null }): Promise<Recommendation> {
  const me = requireUser(actor.viewer);
  const note = clean(input.note ?? '', 'note');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'publishControl', Content, 'Content', contentId, 'The item');
    const content = await tx.findOneOrFail(Content, contentId);
    if (content.status !== ContentStatus.PUBLISHED) throw conflict('Only published items can be recommended.');
    const owner = await tx.findOneOrFail(Organization, content.organization.id);
    const targetId = input.toOrganizationId ?? owner.parent?.id;
    if (targetId == null) throw badInput('The owner has no organisation above it.', 'toOrganizationId');
    const target = await tx.findOne(Organization, targetId);
    if (!target || target.path === owner.path || !owner.path.startsWith(target.path)) {
      throw badInput('Recommend to an organisation above the owner.', 'toOrganizationId');
    }
    if (await tx.count(Recommendation, { content: contentId, toOrganization: target.id })) {
      throw conflict('This item has already been recommended to that organisation.', 'toOrganizationId');
    }
    const recommendation = tx.create(Recommendation, { content: contentId, enterprise: content.enterprise, toOrganization: target.id, status: RecommendationStatus.PENDING, note, recommendedBy: me.userId });
    await tx.flush();
    recordAudit(tx, actor.viewer, {
      action: 'content.recommend',
      subjectType: 'Content',
      subjectId: contentId,
      organizationId: owner.id,
      enterpriseId: owner.enterprise.id,
      details: { toOrganizationId: target.id, recommendationId: recommendation.id },
    });
    await tx.flush();
    return recommendation;
  });
}

/** Accepts (features) or declines a pending recommendation; for reviewers and admins at or above its target. */
export async function decideRecommendation(em: EntityManager, actor: Actor, id: number, accept: boolean, reason?: string | null): Promise<Recommendation> {
  const me = requireUser(actor.viewer);
  const why = accept ? null : clean(reason ?? '', 'reason') || null;
  return em.transactional(async (tx) => {
    const recommendation = await tx.findOne(Recommendation, id);
    if (!recommendation) throw notFound('The recommendation does not exist.');
    await assertCan(tx, actor, 'decideRecommendations', Organization, 'Organization', recommendation.toOrganization.id, 'The recommendation');
    if (recommendation.status !== RecommendationStatus.PENDING) throw conflict('The recommendation has been decided already.');
    tx.assign(recommendation, {
      status: accept ? RecommendationStatus.ACCEPTED : RecommendationStatus.DECLINED,
      declineReason: why,
      decidedBy: me.userId,
      decidedAt: new Date(),
    });
    await tx.flush();
    recordAudit(tx, actor.viewer, {
      action: accept ? 'content.recommendationAccept' : 'content.recommendationDecline',
      subjectType: 'Content',
      subjectId: String(recommendation.content.id),
      organizationId: recommendation.toOrganization.id,
      details: { recommendationId: recommendation.id, ...(why ? { reason: why } : {}) },
    });
    await tx.flush();
    await announceRecommendationDecision(tx, recommendation, accept, me.userId);
    return recommendation;
  });
}
