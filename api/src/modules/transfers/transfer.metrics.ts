/** What transfers measure for assessment (考核): letters received within their validity. */
import { chinaDay, percent, scopeParams, SCOPES, type Metric } from '../../core/metrics.js';

export const transfersWithinValidity: Metric = {
  key: 'transfers.withinValidity',
  label: '组织关系转接按期办结率',
  unit: 'PERCENT',
  higherIsBetter: true,
  definition: '期间内本组织及下级组织开具的介绍信中，在有效期内被接收的比例（分母为已接收或已逾期的介绍信；仍在有效期内未接收的不计）。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ id: number; done: number; within: number }[]>(
      `select s.id, count(t.id)::int as done, count(t.id) filter (where t.received_on <= t.valid_until)::int as within
         from ${SCOPES}
         join organization o on o.path like s.path || '%'
         join transfer t on t.from_organization_id = o.id
        where t.issued_on >= ? and t.issued_on < ? and (t.received_on is not null or (t.status = 'ISSUED' and t.valid_until < ?))
        group by s.id`,
      [...scopeParams(scopes), chinaDay(span.from), chinaDay(span.to), chinaDay(span.now)],
    );
    const by = new Map(rows.map((r) => [r.id, percent(r.within, r.done)]));
    return new Map(scopes.map((s) => [s.id, by.get(s.id) ?? null]));
  },
};
