/** 共建 events outgoing webhooks may subscribe to: a partnership proposed, accepted, declined or ended. */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent, readsInternally } from '../../core/module.js';

export const partnershipChangedWebhook = defineWebhookEvent({
  type: 'partnership.changed',
  label: '共建关系变化',
  description: 'A partnership between two enterprises changed status: both enterprises and the status. Internal: sent to INTERNAL_READ endpoints of the two enterprises only.',
  source: 'partnership.changed',
  enterprises: (_em, event) => event.enterpriseIds,
  async data(em, actor, event) {
    if (!readsInternally(actor, event.enterpriseIds)) return null;
    const rows = await em.execute<{ id: number; name: string; proposer: boolean }[]>(
      `select e.id, e.name, e.id = p.proposer_id as proposer from partnership p join enterprise e on e.id in (p.proposer_id, p.partner_id) where p.id = ?`,
      [event.id],
    );
    const named = (row: { id: number; name: string } | undefined) => row && { id: toGlobalId('Enterprise', row.id), name: row.name };
    return { id: toGlobalId('Partnership', event.id), status: event.status, proposer: named(rows.find((r) => r.proposer)), partner: named(rows.find((r) => !r.proposer)) };
  },
});
