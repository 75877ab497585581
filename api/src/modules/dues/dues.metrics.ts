/** What the dues module measures for assessment (考核): dues paid on time over a subtree. */
import { chinaMonth, percent, scopeParams, SCOPES, type Metric } from '../../core/metrics.js';

export const duesOnTime: Metric = {
  key: 'dues.onTime',
  label: '党费按月按时交纳率',
  unit: 'PERCENT',
  higherIsBetter: true,
  definition: '期间内各月应交党费条目中，在当月内交纳或经批准免交的比例；尚未结束的月份只计已交的条目。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ id: number; due: number; on_time: number }[]>(
      `select s.id, count(i.id)::int as due,
              count(i.id) filter (where i.status = 'EXEMPT'
                 or (i.status = 'PAID' and i.paid_at < (to_date(i.period, 'YYYY-MM') + interval '1 month') at time zone 'Asia/Shanghai'))::int as on_time
         from ${SCOPES}
         join organization o on o.path like s.path || '%'
         join member m on m.organization_id = o.id
         join dues_item i on i.member_id = m.id
        where i.period >= ? and i.period < ? and (i.period < ? or i.status in ('PAID', 'EXEMPT'))
        group by s.id`,
      [...scopeParams(scopes), chinaMonth(span.from), chinaMonth(span.to), chinaMonth(span.now)],
    );
    const by = new Map(rows.map((r) => [r.id, percent(r.on_time, r.due)]));
    return new Map(scopes.map((s) => [s.id, by.get(s.id) ?? null]));
  },
};
