/** What organisational life measures for assessment (考核): the share of §6 requirements met. */
import { percent, type Metric } from '../../core/metrics.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Period } from './compliance.js';
import { lifeOf } from './compliance.service.js';

const chinaMonth = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) };
};

export const lifeCompliance: Metric = {
  key: 'meetings.lifeCompliance',
  label: '组织生活达标率',
  unit: 'PERCENT',
  higherIsBetter: true,
  definition:
    '下属党支部在期间内已结束的各周期中，三会一课、主题党日、组织生活会、民主评议、谈心谈话和学时等要求（DOMAIN-RULES §6）记录经审核达标的项数占应达标项数的比例；尚在进行的周期和记录待审核的项不计。',
  async measure(em, scopes, span) {
    const out = new Map<number, number | null>();
    if (scopes.length === 0) return out;
    const first = chinaMonth(span.from);
    const end = chinaMonth(new Date(span.to.getTime() - 1));
    // A span lies within one calendar year (a year, a half or a quarter).
    const period: Period = { key: `${first.year}`, cycle: 'MONTH', year: first.year, firstMonth: first.month, months: end.month - first.month + 1 };
    const branches = await em.find(Organization, {
      $or: scopes.map((s) => ({ path: { $like: `${s.path}%` } })),
      level: 'BRANCH',
      temporary: false,
      archivedAt: null,
    } as never);
    for (const enterpriseId of new Set(scopes.map((s) => s.enterpriseId))) {
      const mine = branches.filter((b) => b.enterprise.id === enterpriseId);
      const life = await lifeOf(em, enterpriseId, mine, period, span.now);
      for (const scope of scopes.filter((s) => s.enterpriseId === enterpriseId)) {
        let met = 0;
        let judged = 0;
        for (const b of life.filter((l) => l.organization.path.startsWith(scope.path))) {
          for (const row of b.rows) {
            if (row.status === 'MET') met += 1;
            if (row.status === 'MET' || row.status === 'MISSING') judged += 1;
          }
        }
        out.set(scope.id, percent(met, judged));
      }
    }
    return out;
  },
};
