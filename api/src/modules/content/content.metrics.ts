/** What the content module measures for assessment (考核): what a subtree published. */
import { scopeParams, SCOPES, type Metric } from '../../core/metrics.js';

export const contentPublished: Metric = {
  key: 'content.published',
  label: '信息发布数',
  unit: 'COUNT',
  higherIsBetter: true,
  definition: '期间内本组织及下级组织发布的工作动态、党务公开、经验交流和共享资源篇数。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ id: number; n: number }[]>(
      `select s.id, count(c.id)::int as n from ${SCOPES}
         join organization o on o.path like s.path || '%'
         join content c on c.organization_id = o.id and c.status in ('PUBLISHED', 'ARCHIVED')
        where c.published_at >= ? and c.published_at < ? group by s.id`,
      [...scopeParams(scopes), span.from, span.to],
    );
    const by = new Map(rows.map((r) => [r.id, r.n]));
    return new Map(scopes.map((s) => [s.id, by.get(s.id) ?? 0]));
  },
};
