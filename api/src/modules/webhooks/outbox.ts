/**
 * The outbox: inside the transaction of every emitted event, the event is recorded for each
 * enterprise with an enabled endpoint that asked for its webhook type, and a fan-out job is queued
 * in the same transaction. A change that rolls back leaves neither; one that commits leaves both,
 * whatever happens to the process afterwards (LISTEN/NOTIFY alone would lose events in a gap).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely } from 'pg-boss';
import type { DomainEvent } from '../../core/events/bus.js';
import { webhookEventDefinitions } from '../../core/module.js';
import { runtimeFor } from '../notifications/runtime.js';
import { intArray } from '../../core/db/sql-array.js';
import { NOT_BACKFILL } from '../../core/db/backfill.js';

export const FAN_OUT = 'webhook-fan-out';

export async function recordWebhookEvents(em: EntityManager, event: DomainEvent): Promise<void> {
  for (const definition of webhookEventDefinitions().values()) {
    if (definition.source !== event.type) continue;
    const enterprises = await definition.enterprises(em, event);
    if (enterprises.length === 0) continue;
    const rows = await em.execute<{ id: string }[]>(
      `insert into webhook_event (enterprise_id, type, source)
       select e.id, ?, ?::jsonb from unnest(?::int[]) as e(id)
        where ${NOT_BACKFILL} and exists (select 1 from webhook_endpoint w where w.enterprise_id = e.id and w.disabled_at is null and ? = any(w.event_types))
       returning id`,
      [definition.type, JSON.stringify(event), intArray(enterprises), definition.type],
    );
    if (rows.length) await queueFanOut(em, rows.map((r) => r.id));
  }
}

/** Queues the fan-out of recorded events, in the caller's transaction when there is one. */
export async function queueFanOut(em: EntityManager, eventIds: string[]): Promise<void> {
  // Without a job runtime (a maintenance script) the events wait: the next API process sweeps them up.
  const boss = runtimeFor(em)?.boss;
  if (!boss) return;
  const transaction = em.isInTransaction() ? em.getTransactionContext() : undefined;
  await boss.insert(FAN_OUT, eventIds.map((eventId) => ({ data: { eventId } })), transaction ? { db: fromKysely(transaction) } : {});
}
