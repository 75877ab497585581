/** Content events outgoing webhooks may subscribe to: an item published, an item taken down. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, type Actor } from '../../core/authz/check.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent } from '../../core/module.js';
import type { ContentKind } from './content-enums.js';
import { Content } from './content.entity.js';
import { keyVisibilities } from './content.policy.js';
import { typeNameOf } from './kinds.js';

/** An item's public fields, if `actor` may read it now. */
export async function contentWebhookData(em: EntityManager, actor: Actor, id: string): Promise<Record<string, unknown> | null> {
  if (!(await can(em, actor, 'read', Content, 'Content', id))) return null;
  const [row] = await em.execute<{ kind: ContentKind; title: string; summary: string | null; published_at: Date; organization_id: number; organization_name: string }[]>(
    `select c.kind, c.title, c.summary, c.published_at, o.id as organization_id, o.name as organization_name
       from content c join organization o on o.id = c.organization_id where c.id = ?`,
    [id],
  );
  if (!row) return null;
  return {
    id: toGlobalId(typeNameOf(row.kind), id),
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    publishedAt: new Date(row.published_at).toISOString(),
    organization: { id: toGlobalId('Organization', row.organization_id), name: row.organization_name },
  };
}

export const contentPublishedWebhook = defineWebhookEvent({
  type: 'content.published',
  label: '内容发布',
  description: 'An item (工作动态, 党务公开, 经验交流, 共享资源…) became visible: its id, kind, title, summary, time and organisation.',
  source: 'content.published',
  enterprises: (_em, event) => [event.enterpriseId],
  data: (em, actor, event) => contentWebhookData(em, actor, event.id),
});

export const contentUnpublishedWebhook = defineWebhookEvent({
  type: 'content.unpublished',
  label: '内容撤下',
  description: 'A visible item was unpublished or archived: its id and kind (to remove a copy), sent to endpoints whose scope could read it.',
  source: 'content.unpublished',
  enterprises: (_em, event) => [event.enterpriseId],
  async data(_em, actor, event) {
    const viewer = actor.viewer;
    if (viewer.kind !== 'apiClient' || viewer.enterpriseId !== event.enterpriseId || !keyVisibilities(viewer.scopes).includes(event.visibility)) return null;
    return { id: toGlobalId(typeNameOf(event.kind), event.id), kind: event.kind };
  },
});
