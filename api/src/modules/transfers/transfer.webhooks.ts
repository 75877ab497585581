/**
 * 组织关系转接 events outgoing webhooks may subscribe to: a transfer moved to a new status.
 * Internal, and never personal: the transfer's id, status, reach and the organisations on each
 * side — no member name or ID number (what an INTERNAL_READ key may read of members: nothing).
 */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent, readsInternally } from '../../core/module.js';
import type { TransferReach, TransferStatus } from './states.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** A transfer moved to a new status (both enterprises, when it goes to another one on the platform). */
    'transfers.changed': { transferId: number; status: TransferStatus; enterpriseIds: number[] };
  }
}

export const transferChangedWebhook = defineWebhookEvent({
  type: 'transfer.statusChanged',
  label: '组织关系转接进度',
  description: 'A transfer of the organisational relationship moved to a new status: its status, reach and the organisations on each side — no member name or ID number. INTERNAL_READ endpoints of the enterprises involved.',
  source: 'transfers.changed',
  enterprises: (_em, event) => event.enterpriseIds,
  async data(em, actor, event) {
    if (!readsInternally(actor, event.enterpriseIds)) return null;
    const [row] = await em.execute<{ reach: TransferReach; from_id: number; from_name: string; to_id: number | null; to_name: string | null; destination: string | null; letter_number: string | null; valid_until: string | null }[]>(
      `select t.reach, f.id as from_id, f.name as from_name, o.id as to_id, o.name as to_name, t.destination, t.letter_number, t.valid_until::text
         from transfer t join organization f on f.id = t.from_organization_id left join organization o on o.id = t.to_organization_id where t.id = ?`,
      [event.transferId],
    );
    if (!row) return null;
    return {
      id: toGlobalId('Transfer', event.transferId),
      status: event.status,
      reach: row.reach,
      from: { id: toGlobalId('Organization', row.from_id), name: row.from_name },
      to: row.to_id ? { id: toGlobalId('Organization', row.to_id), name: row.to_name } : { name: row.destination },
      letterNumber: row.letter_number,
      validUntil: row.valid_until,
    };
  },
});
