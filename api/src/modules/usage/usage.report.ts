/**
 * Usage figures for owners' dashboards, computed in SQL: views and downloads (usage_daily),
 * adoptions (case_adoption) and access requests (resource_request), per period and per acting
 * organisation, for one item or for every item an organisation's subtree owns. Periods are
 * calendar days, ISO weeks or months in China Standard Time, gaps filled with zeros.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../core/graphql/errors.js';

export const UsageInterval = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' } as const;
export type UsageInterval = (typeof UsageInterval)[keyof typeof UsageInterval];

export interface UsageFigures {
  views: number;
  downloads: number;
  adoptions: number;
  requests: number;
}
export interface UsagePoint extends UsageFigures {
  periodStart: string;
}
export interface UsageByOrganization extends UsageFigures {
  organizationId: number | null;
}
export interface UsageReport {
  since: Date;
  until: Date;
  interval: UsageInterval;
  totals: UsageFigures;
  series: UsagePoint[];
  byOrganization: UsageByOrganization[];
}

/** Which items: one, or all of an organisation subtree's (by materialised path). */
export type UsageScope = { contentId: string } | { subtreePath: string };

const MAX_DAYS = { DAY: 366, WEEK: 731, MONTH: 1096 } as const;
const TZ = 'Asia/Shanghai';

export function usageWindow(since: Date | null | undefined, until: Date | null | undefined, interval: UsageInterval): { since: Date; until: Date } {
  const end = until ?? new Date();
  const start = since ?? new Date(end.getTime() - 30 * 86_400_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) throw badInput('`since` must be before `until`.', 'since');
  if (end.getTime() - start.getTime() > MAX_DAYS[interval] * 86_400_000) throw badInput(`A ${interval.toLowerCase()} report covers at most ${MAX_DAYS[interval]} days.`, 'since');
  return { since: start, until: end };
}

export async function usageReport(em: EntityManager, scope: UsageScope, window: { since: Date; until: Date }, interval: UsageInterval): Promise<UsageReport> {
  const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const items =
    'contentId' in scope
      ? { sql: 'select ?::bigint as id', params: [scope.contentId] }
      : { sql: 'select c.id from content c join organization o on o.id = c.organization_id where o.path like ?', params: [`${escapeLike(scope.subtreePath)}%`] };
  const from = window.since.toISOString();
  const to = window.until.toISOString();
  // Every event as (local time, metric, acting organisation, count), inside the window.
  const events = `
    with items as (${items.sql}),
    events as (
      select u.day::timestamp as at, u.metric::text as metric, u.organization_id, u.count
        from usage_daily u join items i on i.id = u.content_id
       where u.day >= (?::timestamptz at time zone '${TZ}')::date and u.day <= (?::timestamptz at time zone '${TZ}')::date
      union all
      select a.created_at at time zone '${TZ}', 'ADOPTION', a.organization_id, 1
        from case_adoption a join items i on i.id = a.content_id
       where a.created_at >= ? and a.created_at < ?
      union all
      select r.created_at at time zone '${TZ}', 'REQUEST', r.organization_id, 1
        from resource_request r join items i on i.id = r.content_id
       where r.created_at >= ? and r.created_at < ?
    )`;
  const figures = `
    coalesce(sum(count) filter (where metric = 'VIEW'), 0)::int as views,
    coalesce(sum(count) filter (where metric = 'DOWNLOAD'), 0)::int as downloads,
    coalesce(sum(count) filter (where metric = 'ADOPTION'), 0)::int as adoptions,
    coalesce(sum(count) filter (where metric = 'REQUEST'), 0)::int as requests`;
  const params = [...items.params, from, to, from, to, from, to];
  const unit = interval.toLowerCase();

  const series = await em.execute<(UsageFigures & { period_start: string })[]>(
    `${events},
    periods as (
      select generate_series(date_trunc('${unit}', ?::timestamptz at time zone '${TZ}'), date_trunc('${unit}', ?::timestamptz at time zone '${TZ}'), interval '1 ${unit}') as period_start
    )
    select to_char(p.period_start, 'YYYY-MM-DD') as period_start, ${figures}
      from periods p left join events e on date_trunc('${unit}', e.at) = p.period_start
     group by p.period_start order by p.period_start`,
    [...params, from, to],
  );
  const byOrganization = await em.execute<(UsageFigures & { organization_id: number | null })[]>(
    `${events}
    select organization_id, ${figures} from events group by organization_id
     order by sum(count) desc, organization_id nulls last limit 50`,
    params,
  );
  const points = series.map((r) => ({ periodStart: r.period_start, views: r.views, downloads: r.downloads, adoptions: r.adoptions, requests: r.requests }));
  const totals = points.reduce((t, p) => ({ views: t.views + p.views, downloads: t.downloads + p.downloads, adoptions: t.adoptions + p.adoptions, requests: t.requests + p.requests }), { views: 0, downloads: 0, adoptions: 0, requests: 0 });
  return {
    ...window,
    interval,
    totals,
    series: points,
    byOrganization: byOrganization.map((r) => ({ organizationId: r.organization_id, views: r.views, downloads: r.downloads, adoptions: r.adoptions, requests: r.requests })),
  };
}
