/** Recording views and downloads: one upsert per event, counted in the day (UTC+8, China Standard Time) it happened. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/authz/ability.js';
import type { UsageMetric } from './usage.entity.js';

/**
 * The organisation a user acts from in the figures: their most specific membership (deepest,
 * then lowest id). Anonymous visitors and API keys count without one.
 */
export function usageOrganizationOf(viewer: Viewer): number | null {
  if (viewer.kind !== 'user' || viewer.grants.length === 0) return null;
  const [best] = [...viewer.grants].sort((a, b) => b.depth - a.depth || a.organizationId - b.organizationId);
  return best!.organizationId;
}

export async function recordUsage(em: EntityManager, viewer: Viewer, contentId: string, metric: UsageMetric): Promise<void> {
  await em.execute(
    // The tenant key comes from the item itself, in the same statement.
    `insert into usage_daily (enterprise_id, content_id, day, metric, organization_id, count)
     select enterprise_id, id, (now() at time zone 'Asia/Shanghai')::date, ?, ?, 1 from content where id = ?
     on conflict (enterprise_id, content_id, day, metric, coalesce(organization_id, 0)) do update set count = usage_daily.count + 1`,
    [metric, usageOrganizationOf(viewer), contentId],
  );
}
