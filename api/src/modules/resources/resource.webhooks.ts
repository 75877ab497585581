/** 共建共享 events outgoing webhooks may subscribe to: an access request decided. */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent } from '../../core/module.js';
import { contentWebhookData } from '../content/content.webhooks.js';
import { RequestStatus } from './resource-enums.js';

const DECIDED: readonly RequestStatus[] = [RequestStatus.APPROVED, RequestStatus.REJECTED];

export const requestDecidedWebhook = defineWebhookEvent({
  type: 'resource.requestDecided',
  label: '资源申请已处理',
  description: 'An access request to a shared resource was approved or rejected: the resource (as the endpoint may read it), the decision and the requesting organisation.',
  source: 'resource.request',
  async enterprises(em, event) {
    if (!DECIDED.includes(event.status)) return [];
    const rows = await em.execute<{ enterprise_id: number }[]>('select distinct enterprise_id from organization where id in (?, ?)', [event.organizationId, event.ownerOrganizationId]);
    return rows.map((r) => r.enterprise_id);
  },
  async data(em, actor, event) {
    const resource = await contentWebhookData(em, actor, event.contentId);
    if (!resource) return null;
    const [requester] = await em.execute<{ name: string }[]>('select name from organization where id = ?', [event.organizationId]);
    return {
      request: { id: toGlobalId('ResourceRequest', event.id), status: event.status },
      resource,
      requester: { id: toGlobalId('Organization', event.organizationId), name: requester?.name ?? null },
    };
  },
});
