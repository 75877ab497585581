/**
 * The sending side, on the notifications module's pg-boss (schema `pgboss`, same database):
 *
 *  - `webhook-fan-out`: reads a recorded event under each subscribed endpoint's scope and writes
 *    the deliveries (once per event and endpoint, however often the job runs);
 *  - `webhook-deliver`: one job per endpoint at a time (pg-boss `stately` with the endpoint as the
 *    key) sends its pending deliveries in the order of their events, one by one — waiting while an
 *    earlier event of the enterprise is still being fanned out. A failure stops the run — later
 *    deliveries wait, so a receiver sees events in order — and the job is retried with backoff.
 *    Every attempt is logged; after `WEBHOOK_DISABLE_AFTER` failures in a row the endpoint is
 *    disabled and the enterprise's top-level admins are told.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import { ApiScope } from '../../core/authz/roles.js';
import { defineAbilityFor, type Viewer } from '../../core/authz/ability.js';
import type { Actor } from '../../core/authz/check.js';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/log.js';
import { webhookEventDefinitions, type ModuleServices } from '../../core/module.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { postSigned, WebhookError, type SignedPostResult } from '../notifications/channels/webhook.js';
import { notify } from '../notifications/notify.js';
import { runtimeFor } from '../notifications/runtime.js';
import { FAN_OUT, queueFanOut } from './outbox.js';
import { WEBHOOK_DISABLED } from './webhook.notifications.js';

export const DELIVER = 'webhook-deliver';
/** Deliveries one run sends before handing over to a fresh job (a run stays well within its expiry). */
const RUN_LIMIT = 50;

export interface WebhookSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  timeoutMs: number;
  /** Failed attempts in a row after which an endpoint is disabled. */
  disableAfter: number;
  pollSeconds: number;
}

export function readWebhookSettings(config: Config): WebhookSettings {
  const { read } = config;
  return {
    retryLimit: read.integer('WEBHOOK_RETRY_LIMIT', 8, 0, 50),
    retryDelaySeconds: read.integer('WEBHOOK_RETRY_DELAY_SECONDS', 30, 1, 86_400),
    timeoutMs: read.integer('WEBHOOK_TIMEOUT_MS', 5_000, 100, 60_000),
    disableAfter: read.integer('WEBHOOK_DISABLE_AFTER', 20, 1, 1_000),
    pollSeconds: read.integer('NOTIFY_POLL_SECONDS', 2, 1, 60),
  };
}

/**
 * How far an endpoint sees: exactly what an API key of its enterprise with the same scope reads
 * (the id is never used to look anything up; audit and rate budgets do not apply to it).
 */
export const endpointActor = (enterpriseId: number, scope: ApiScope): Actor => {
  const viewer: Viewer = { kind: 'apiClient', apiClientId: 0, enterpriseId, scopes: [scope], ip: null };
  return { viewer, ability: defineAbilityFor(viewer) };
};

/** Queues a run for each endpoint (no second one while one waits: the queue is `stately` per endpoint). */
export async function queueDelivery(boss: PgBoss, endpointIds: Iterable<number>, startAfterSeconds = 0): Promise<void> {
  for (const id of new Set(endpointIds)) await boss.send(DELIVER, { endpointId: id }, { singletonKey: String(id), ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}) });
}

/** For services: queue a run of an endpoint if this process runs jobs. */
export async function deliverSoon(em: EntityManager, endpointId: number): Promise<void> {
  const boss = runtimeFor(em)?.boss;
  if (boss) await queueDelivery(boss, [endpointId]);
}

interface EventRow {
  id: string;
  uid: string;
  enterprise_id: number;
  type: string;
  source: Record<string, unknown>;
  created_at: Date;
}

/** Makes the deliveries of one recorded event; returns the endpoints that got one. */
async function fanOut(orm: MikroORM, eventId: string): Promise<number[]> {
  const em = orm.em.fork();
  const [event] = await em.execute<EventRow[]>('select id, uid, enterprise_id, type, source, created_at from webhook_event where id = ?', [eventId]);
  if (!event) return [];
  const definition = webhookEventDefinitions().get(event.type);
  const endpoints = definition
    ? await em.execute<{ id: number; scope: ApiScope }[]>(
        'select id, scope from webhook_endpoint where enterprise_id = ? and disabled_at is null and ? = any(event_types) order by id',
        [event.enterprise_id, event.type],
      )
    : [];
  // Endpoints of one scope read alike: one read per scope, not per endpoint.
  const byScope = new Map<ApiScope, Promise<Record<string, unknown> | null>>();
  const deliveries: { endpoint: number; body: string }[] = [];
  for (const endpoint of endpoints) {
    let data = byScope.get(endpoint.scope);
    if (!data) {
      data = definition!.data(em, endpointActor(event.enterprise_id, endpoint.scope), event.source as never);
      byScope.set(endpoint.scope, data);
    }
    const fields = await data;
    if (!fields) continue; // not for this endpoint's eyes
    const body = JSON.stringify({ id: event.uid, type: event.type, createdAt: new Date(event.created_at).toISOString(), enterpriseId: toGlobalId('Enterprise', event.enterprise_id), data: fields });
    deliveries.push({ endpoint: endpoint.id, body });
  }
  const made = await em.transactional(async (tx) => {
    const rows = deliveries.length
      ? await tx.execute<{ endpoint_id: number }[]>(
          `insert into webhook_delivery (enterprise_id, endpoint_id, event_id, type, body)
           select ?, d.endpoint, ?, ?, d.body from jsonb_to_recordset(?::jsonb) as d(endpoint int, body text)
           on conflict do nothing
           returning endpoint_id`,
          [event.enterprise_id, event.id, event.type, JSON.stringify(deliveries)],
        )
      : [];
    await tx.execute('update webhook_event set fanned_out_at = now() where id = ?', [event.id]);
    return rows.map((r) => r.endpoint_id);
  });
  return made;
}

interface EndpointRow {
  id: number;
  enterprise_id: number;
  url: string;
  secret: string;
  disabled_at: Date | null;
  allow_private_network: boolean | null;
}

interface PendingRow {
  id: string;
  type: string;
  body: string;
  event_uid: string;
  /** An earlier event of the enterprise is still being fanned out (it may be for this endpoint). */
  behind: boolean;
}

type RunResult = 'drained' | 'more' | 'waiting';

/** How long an event not yet fanned out holds later ones back (a fan-out that keeps failing must not block for ever). */
const FAN_OUT_WAIT = `interval '10 minutes'`;

/** Sends an endpoint's pending deliveries in order; throws on the first failure (the job retries). */
async function drain(orm: MikroORM, settings: WebhookSettings, endpointId: number, log: Logger): Promise<RunResult> {
  const em = orm.em.fork();
  for (let sent = 0; sent < RUN_LIMIT; sent++) {
    const [endpoint] = await em.execute<EndpointRow[]>(
      `select w.id, w.enterprise_id, w.url, w.secret, w.disabled_at, n.allow_private_network
         from webhook_endpoint w left join webhook_network n on n.enterprise_id = w.enterprise_id where w.id = ?`,
      [endpointId],
    );
    if (!endpoint || endpoint.disabled_at) return 'drained';
    // In the order the events were recorded (their ids, taken in the writing transactions).
    const [delivery] = await em.execute<PendingRow[]>(
      `select d.id, d.type, d.body, e.uid as event_uid,
              exists (select 1 from webhook_event w where w.enterprise_id = e.enterprise_id and w.fanned_out_at is null
                         and w.id < e.id and w.created_at > now() - ${FAN_OUT_WAIT}) as behind
         from webhook_delivery d join webhook_event e on e.id = d.event_id
        where d.endpoint_id = ? and d.state = 'PENDING' order by d.event_id, d.id limit 1`,
      [endpointId],
    );
    if (!delivery) return 'drained';
    if (delivery.behind) return 'waiting';
    let answer: SignedPostResult | null = null;
    let failure: string | null = null;
    const started = performance.now();
    try {
      answer = await postSigned(
        { url: endpoint.url, secret: endpoint.secret, allowPrivateNetwork: endpoint.allow_private_network ?? false },
        delivery.body,
        { 'x-dangjian-event': delivery.type, 'x-dangjian-delivery': delivery.id, 'idempotency-key': delivery.event_uid },
        settings.timeoutMs,
        'dangjian-webhooks/1',
      );
      if (answer.status < 200 || answer.status >= 300) failure = `answered ${answer.status}`;
    } catch (error) {
      failure = error instanceof WebhookError ? error.message : String((error as Error).message ?? error);
    }
    const ok = failure === null;
    const disabled = await em.transactional(async (tx) => {
      await tx.execute('insert into webhook_attempt (enterprise_id, delivery_id, status_code, duration_ms, excerpt) values (?, ?, ?, ?, ?)', [
        endpoint.enterprise_id,
        delivery.id,
        answer?.status ?? null,
        answer?.durationMs ?? Math.round(performance.now() - started),
        (answer ? answer.excerpt : failure!).slice(0, 300),
      ]);
      await tx.execute(`update webhook_delivery set attempts = attempts + 1${ok ? `, state = 'DELIVERED', delivered_at = now()` : ''} where id = ?`, [delivery.id]);
      if (ok) {
        await tx.execute('update webhook_endpoint set consecutive_failures = 0, last_success_at = now() where id = ?', [endpoint.id]);
        return false;
      }
      const [counted] = await tx.execute<{ consecutive_failures: number }[]>('update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = ? returning consecutive_failures', [endpoint.id]);
      if ((counted?.consecutive_failures ?? 0) < settings.disableAfter) return false;
      await disableAfterFailures(tx, endpoint, settings.disableAfter, failure!);
      return true;
    });
    if (!ok) {
      log.warn({ endpointId, deliveryId: delivery.id, reason: failure, disabled }, disabled ? 'webhook endpoint disabled after a run of failures' : 'webhook delivery failed; it will be retried');
      if (disabled) return 'drained';
      throw new WebhookError(failure!);
    }
  }
  return 'more';
}

async function disableAfterFailures(tx: EntityManager, endpoint: EndpointRow, failures: number, lastFailure: string): Promise<void> {
  const reason = `连续${failures}次投递失败（最近一次：${lastFailure.slice(0, 150)}）`;
  await tx.execute('update webhook_endpoint set disabled_at = now(), disabled_reason = ? where id = ? and disabled_at is null', [reason, endpoint.id]);
  const admins = await tx.execute<{ user_id: number }[]>(
    `select distinct m.user_id from membership m join organization o on o.id = m.organization_id
      where m.role = 'ORG_ADMIN' and o.depth = 0 and o.enterprise_id = ?`,
    [endpoint.enterprise_id],
  );
  await notify(tx, {
    kind: WEBHOOK_DISABLED,
    params: { url: endpoint.url, failures: String(failures) },
    recipients: admins.map((a) => a.user_id),
    enterpriseId: endpoint.enterprise_id,
    link: '/workspace/webhooks',
  });
}

export async function startWebhooks(services: ModuleServices): Promise<{ stop(): Promise<void> }> {
  const { orm, config } = services;
  const log = services.log.child({ module: 'webhooks' });
  const boss = runtimeFor(orm.em)?.boss;
  if (!boss) throw new Error('webhooks need the notifications module’s job queue: list notifications before webhooks');
  const settings = readWebhookSettings(config);
  await boss.createQueue(FAN_OUT, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  const policy = { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true, retryDelayMax: 3_600, expireInSeconds: 600 };
  await boss.createQueue(DELIVER, { ...policy, policy: 'stately' });
  await boss.updateQueue(DELIVER, policy);

  await boss.work<{ eventId: string }>(FAN_OUT, { batchSize: 20, pollingIntervalSeconds: settings.pollSeconds }, async (jobs) => {
    const endpoints = new Set<number>();
    // A batch comes back in no particular order: fan out oldest first.
    const ordered = [...jobs].sort((a, b) => (BigInt(a.data.eventId) < BigInt(b.data.eventId) ? -1 : 1));
    for (const job of ordered) for (const id of await fanOut(orm, job.data.eventId)) endpoints.add(id);
    await queueDelivery(boss, endpoints);
  });
  await boss.work<{ endpointId: number }>(DELIVER, { batchSize: 1, localConcurrency: 4, pollingIntervalSeconds: settings.pollSeconds }, async ([job]) => {
    const result = await drain(orm, settings, job!.data.endpointId, log);
    if (result !== 'drained') await queueDelivery(boss, [job!.data.endpointId], result === 'waiting' ? 1 : 0);
  });

  // Events recorded while no process ran jobs (a script, a crash between commit and queueing).
  const waiting = await orm.em.fork().execute<{ id: string }[]>(`select id from webhook_event where fanned_out_at is null and created_at > now() - interval '7 days' order by id limit 1000`);
  if (waiting.length) await queueFanOut(orm.em.fork(), waiting.map((w) => w.id));

  return {
    async stop() {
      await boss.offWork(FAN_OUT).catch(() => {});
      await boss.offWork(DELIVER).catch(() => {});
    },
  };
}
