/**
 * What resource requests tell people: the owner's admins when a request arrives, the requester
 * when it is decided; and the requests waiting for a decision (待办).
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { TodoSource } from '../../core/module.js';
import type { Content } from '../content/content.entity.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { RequestStatus } from './resource-enums.js';
import { ResourceRequest } from './resource.entity.js';

export const REQUEST_RECEIVED = defineNotificationKind<{ title: string; organization: string; purpose: string }>({
  kind: 'resource.request_received',
  label: '收到资源使用申请',
  title: (p) => `资源使用申请：${p.title}`,
  body: (p) => `${p.organization}申请使用《${p.title}》，用途：${p.purpose}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const REQUEST_DECIDED = defineNotificationKind<{ title: string; outcome: string; reason: string }>({
  kind: 'resource.request_decided',
  label: '资源申请结果',
  title: (p) => `资源申请${p.outcome}：${p.title}`,
  body: (p) => `您对《${p.title}》的使用申请已${p.outcome}${p.reason ? `，说明：${p.reason}` : '。'}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

/** Admins at or above the resource's owner (who decide requests), the requester left out. */
async function deciders(em: EntityManager, contentId: string, except: number | null): Promise<number[]> {
  const rows = await em.execute<{ user_id: number }[]>(
    `select distinct m.user_id from content c join organization owner on owner.id = c.organization_id
       join membership m on m.role = 'ORG_ADMIN' join organization o on o.id = m.organization_id
      where c.id = ? and o.archived_at is null and owner.path like o.path || '%'`,
    [contentId],
  );
  return rows.map((r) => r.user_id).filter((id) => id !== except);
}

export async function announceRequest(em: EntityManager, request: ResourceRequest, decided: boolean): Promise<void> {
  const [row] = await em.execute<{ title: string; enterprise_id: number; organization_id: number; requester: string }[]>(
    'select c.title, c.enterprise_id, c.organization_id, o.name as requester from content c join organization o on o.id = ? where c.id = ?',
    [request.organization.id, request.content.id],
  );
  if (!row) return;
  const requester = request.requestedBy?.id ?? null;
  if (!decided) {
    await notify(em, { kind: REQUEST_RECEIVED, params: { title: row.title, organization: row.requester, purpose: request.purpose }, recipients: await deciders(em, String(request.content.id), requester), enterpriseId: row.enterprise_id, organizationId: row.organization_id, link: '/workspace/decisions' });
  } else if (requester !== null) {
    const outcome = request.status === RequestStatus.APPROVED ? '已批准' : '未获批准';
    await notify(em, { kind: REQUEST_DECIDED, params: { title: row.title, outcome, reason: request.decisionReason ?? '' }, recipients: [requester], enterpriseId: row.enterprise_id, organizationId: request.organization.id, link: '/workspace/requests' });
  }
}

/** Requests waiting for the caller's decision, oldest first. */
export const resourceTodos: TodoSource = {
  name: 'resources',
  async items(ctx, limit) {
    const owner = accessibleWhere<Content>(ctx.ability, 'decideRequests', 'Content');
    if (owner === null) return [];
    const me = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
    const rows = await ctx.em.find(
      ResourceRequest,
      { status: RequestStatus.PENDING, ...(isUnrestricted(owner) ? {} : { content: owner }), ...(me ? { $or: [{ requestedBy: null }, { requestedBy: { $ne: me } }] } : {}) } as FilterQuery<ResourceRequest>,
      { populate: ['content', 'organization'], orderBy: { createdAt: 'asc' }, limit },
    );
    return rows.map((r) => ({ kind: 'resource.request', title: `资源申请：${r.organization.getEntity().name}申请《${r.content.getEntity().title}》`, link: '/workspace/decisions', since: r.createdAt, dueAt: null, organizationId: r.organization.id }));
  },
};
