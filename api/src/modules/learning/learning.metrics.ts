/** What learning measures for assessment (考核): class hours per member over a subtree. */
import { scopeParams, SCOPES, type Metric } from '../../core/metrics.js';
import { hoursIn } from './course.service.js';

export const classHoursPerMember: Metric = {
  key: 'learning.classHours',
  label: '党员人均学时',
  unit: 'HOURS',
  higherIsBetter: true,
  definition: '期间内党员完成在线课程所得学时与参加党课、中心组学习的线下学时之和，除以党籍状态正常的党员人数。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const roster = await em.getConnection().execute<{ id: number; member_id: number }[]>(
      `select s.id, m.id as member_id from ${SCOPES}
         join organization o on o.path like s.path || '%' join member m on m.organization_id = o.id and m.status = 'NORMAL'`,
      scopeParams(scopes),
    );
    const hours = await hoursIn(em, [...new Set(roster.map((r) => r.member_id))], span.from, span.to);
    const sums = new Map<number, { members: number; hours: number }>();
    for (const r of roster) {
      const h = hours.get(r.member_id);
      const sum = sums.get(r.id) ?? { members: 0, hours: 0 };
      sums.set(r.id, { members: sum.members + 1, hours: sum.hours + (h ? h.online + h.offline : 0) });
    }
    return new Map(scopes.map((s) => {
      const sum = sums.get(s.id);
      return [s.id, sum ? Math.round((sum.hours / sum.members) * 10) / 10 : null];
    }));
  },
};
