/** 待办 of the content workflow: items to review (never one's own), and 上报 to decide at one's level. */
import type { FilterQuery } from '@mikro-orm/core';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { TodoSource } from '../../core/module.js';
import type { Organization } from '../organizations/organization.entity.js';
import { ContentStatus } from './content-enums.js';
import { Content } from './content.entity.js';
import { contentKind, contentKinds } from './kinds.js';
import { Recommendation, RecommendationStatus } from './recommendation.entity.js';

export const contentTodos: TodoSource = {
  name: 'content',
  async items(ctx, limit) {
    const review = accessibleWhere<Content>(ctx.ability, 'review', 'Content');
    // Kinds with steps of their own list them in their module.
    const shared = contentKinds().filter((k) => k.workflow === 'shared').map((k) => k.kind);
    const items = review === null ? [] : await ctx.em.find(Content, { $and: [{ status: ContentStatus.IN_REVIEW, kind: { $in: shared } }, review] } as FilterQuery<Content>, { orderBy: { updatedAt: 'asc' }, limit });
    const decide = accessibleWhere<Organization>(ctx.ability, 'decideRecommendations', 'Organization');
    const recommendations =
      decide === null
        ? []
        : await ctx.em.find(Recommendation, { status: RecommendationStatus.PENDING, ...(isUnrestricted(decide) ? {} : { toOrganization: decide }) } as FilterQuery<Recommendation>, { populate: ['content'], orderBy: { id: 'asc' }, limit });
    return [
      ...items.map((c) => ({ kind: 'content.review', title: `审核${contentKind(c.kind).label}：${c.title}`, link: contentKind(c.kind).reviewLink, since: c.updatedAt, dueAt: null, organizationId: c.organization.id })),
      ...recommendations.map((r) => ({ kind: 'content.recommendation', title: `上报待处理：${r.content.getEntity().title}`, link: '/workspace/steps', since: r.createdAt, dueAt: null, organizationId: r.toOrganization.id })),
    ];
  },
};
