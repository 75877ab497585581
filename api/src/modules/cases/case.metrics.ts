/** What experience sharing measures for assessment (考核): the subtree's practices adopted by others. */
import { scopeParams, SCOPES, type Metric } from '../../core/metrics.js';

export const casesAdopted: Metric = {
  key: 'cases.adopted',
  label: '经验被推广应用次数',
  unit: 'COUNT',
  higherIsBetter: true,
  definition: '期间内本组织及下级组织的经验案例被其他组织登记推广应用的次数（本组织自身采用的不计）。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ id: number; n: number }[]>(
      `select s.id, count(a.id)::int as n from ${SCOPES}
         join organization o on o.path like s.path || '%'
         join content c on c.organization_id = o.id
         join case_adoption a on a.content_id = c.id
         join organization ao on ao.id = a.organization_id and ao.path not like s.path || '%'
        where a.created_at >= ? and a.created_at < ? group by s.id`,
      [...scopeParams(scopes), span.from, span.to],
    );
    const by = new Map(rows.map((r) => [r.id, r.n]));
    return new Map(scopes.map((s) => [s.id, by.get(s.id) ?? 0]));
  },
};
