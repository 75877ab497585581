/**
 * Dashboards precomputed: a naive read scans the subtree's members, dues and meetings (200,000
 * members take seconds), so a read returns the organisation's snapshot and a background job
 * recomputes the snapshots being read once they are older than DASHBOARD_TTL_SECONDS (default
 * 300; rows taken with SKIP LOCKED, so any number of API processes share the work). A first read,
 * or one whose snapshot is far past its age (the refresher not running), computes it at once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/log.js';
import { Organization } from '../organizations/organization.entity.js';
import { dashboardOf, type Dashboard } from './dashboard.service.js';

let ttlMs = 300_000;

export interface CachedDashboard extends Dashboard {
  computedAt: Date;
}

async function store(em: EntityManager, org: Organization, now: Date): Promise<CachedDashboard> {
  const dashboard = await dashboardOf(em, org, now);
  await em.execute(
    `insert into dashboard_snapshot (enterprise_id, organization_id, data, computed_at, read_at) values (?, ?, ?::jsonb, ?, ?)
     on conflict (enterprise_id, organization_id) do update set data = excluded.data, computed_at = excluded.computed_at`,
    [org.enterprise.id, org.id, JSON.stringify(dashboard), now, now],
  );
  return { ...dashboard, computedAt: now };
}

export async function cachedDashboard(em: EntityManager, org: Organization, now = new Date()): Promise<CachedDashboard> {
  const [row] = await em.execute<{ data: Dashboard; computed_at: Date; read_at: Date }[]>(
    `select data, computed_at, read_at from dashboard_snapshot where enterprise_id = ? and organization_id = ?`,
    [org.enterprise.id, org.id],
  );
  // A year's figures never come from another year; a snapshot three ages old means no refresher ran.
  if (!row || row.data.year !== Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4)) || now.getTime() - new Date(row.computed_at).getTime() > 3 * ttlMs) {
    return store(em, org, now);
  }
  // Marks it as read (at most once a minute), so the refresher keeps it warm.
  if (now.getTime() - new Date(row.read_at).getTime() > 60_000) {
    await em.execute(`update dashboard_snapshot set read_at = ? where enterprise_id = ? and organization_id = ?`, [now, org.enterprise.id, org.id]);
  }
  return { ...row.data, computedAt: new Date(row.computed_at) };
}

/** One pass of the refresher: recomputes up to `limit` snapshots read in the last day and older than the TTL. */
export async function refreshStale(em: EntityManager, now = new Date(), limit = 10): Promise<number> {
  return em.transactional(async (tx) => {
    const due = await tx.execute<{ organization_id: number }[]>(
      `select organization_id from dashboard_snapshot where computed_at < ? and read_at > ? order by computed_at limit ? for update skip locked`,
      [new Date(now.getTime() - ttlMs), new Date(now.getTime() - 24 * 3600_000), limit],
    );
    for (const { organization_id } of due) {
      const org = await tx.findOne(Organization, organization_id);
      if (org) await store(tx, org, now);
    }
    return due.length;
  });
}

export function startRefresher(em: () => EntityManager, log: Logger, ttlSeconds: number): { stop(): Promise<void> } {
  ttlMs = ttlSeconds * 1000;
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      refreshStale(em())
        .catch((error: unknown) => log.warn({ err: error }, 'refreshing dashboards failed'))
        .finally(() => (running = false));
    },
    Math.max(1000, Math.min(ttlMs / 2, 60_000)),
  );
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}
