/**
 * Compliance figures (§6 c): for a set of branches and a period, what each owed, held and had
 * approved, item by item and cycle by cycle — a handful of statements whatever the number of branches.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organization } from '../organizations/organization.entity.js';
import { closesAt, cyclesIn, DEFAULT_REQUIREMENTS, ITEM_LABEL, ItemStatus, LifeItem, monthsOf, statusOf, type Period, type Requirement } from './compliance.js';
import { LifeRequirement } from './life.entity.js';

export interface LifeRow {
  item: LifeItem;
  label: string;
  /** The cycle's key: 2026-11, 2026-Q4 or 2026. */
  cycle: string;
  required: number;
  held: number;
  approved: number;
  status: ItemStatus;
  note: string | null;
}

export interface BranchLife {
  organization: Organization;
  rows: LifeRow[];
  /** Every item of the period's own cycle met. */
  complete: boolean;
}

/**
 * Where 学时 come from: a module that keeps them (learning) registers a source; until one does, the
 * item says so (NO_SOURCE) instead of showing zero. The source answers each member's hours in a year.
 */
export type ClassHoursSource = (em: EntityManager, memberIds: readonly number[], year: number) => Promise<Map<number, number>>;
let classHoursSource: ClassHoursSource | null = null;
export function registerClassHoursSource(source: ClassHoursSource): void {
  classHoursSource = source;
}

/** A committee of at least three (ZB 8: 支部委员会 of 3–5) holds 支委会; a smaller branch has a secretary only. */
const COMMITTEE_MIN = 3;

export async function requirementsOf(em: EntityManager, enterpriseId: number): Promise<Requirement[]> {
  const own = await em.find(LifeRequirement, { enterprise: enterpriseId });
  return DEFAULT_REQUIREMENTS.map((d) => {
    const o = own.find((r) => r.item === d.item);
    return o ? { item: o.item, cycle: o.cycle, target: o.target } : d;
  });
}

export async function lifeOf(em: EntityManager, enterpriseId: number, branches: readonly Organization[], period: Period, now = new Date()): Promise<BranchLife[]> {
  if (branches.length === 0) return [];
  const ids = `{${branches.map((b) => b.id).join(',')}}`;
  const from = new Date(`${period.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${period.year + 1}-01-01T00:00:00+08:00`);
  const conn = em.getConnection();
  const [requirements, counts, groups, committees, talks] = await Promise.all([
    requirementsOf(em, enterpriseId),
    conn.execute<{ branch_id: number; organization_id: number; type: string; month: string; held: number; approved: number }[]>(
      `select b.id as branch_id, m.organization_id, t.type, to_char(m.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
              count(*) filter (where m.starts_at <= ?)::int as held, count(*) filter (where m.status = 'APPROVED')::int as approved
         from organization b join organization o on o.path like b.path || '%'
         join meeting m on m.organization_id = o.id and m.status <> 'CANCELLED'
         cross join lateral unnest(array[m.type::text] || m.also_counts_as) as t(type)
        where b.id = any(?::int[]) and m.starts_at >= ? and m.starts_at < ?
        group by 1, 2, 3, 4`,
      [now, ids, from, to],
    ),
    conn.execute<{ branch_id: number; group_id: number }[]>(`select parent_id as branch_id, id as group_id from organization where parent_id = any(?::int[]) and level = 'GROUP' and archived_at is null`, [ids]),
    conn.execute<{ branch_id: number; n: number }[]>(
      `select organization_id as branch_id, count(distinct member_id)::int as n from member_post where organization_id = any(?::int[]) and ended_on is null group by 1`,
      [ids],
    ),
    conn.execute<{ branch_id: number; eligible: number; covered: number }[]>(
      `select b.id as branch_id, count(m.id)::int as eligible,
              count(m.id) filter (where exists (select 1 from heart_talk h where h.organization_id = b.id and (h.by_id = m.id or h.with_id = m.id)
                                                  and h.talked_on >= make_date(?, 1, 1) and h.talked_on < make_date(?, 1, 1)))::int as covered
         from organization b join organization o on o.path like b.path || '%' join member m on m.organization_id = o.id and m.status = 'NORMAL'
        where b.id = any(?::int[])
          and not exists (select 1 from life_exemption e where e.member_id = m.id and e.starts_on <= current_date and (e.ends_on is null or e.ends_on >= current_date))
        group by b.id`,
      [period.year, period.year + 1, ids],
    ),
  ]);
  // 学时 per member, where a source keeps them (two statements more).
  const roster = classHoursSource
    ? await conn.execute<{ branch_id: number; member_id: number }[]>(
        `select b.id as branch_id, m.id as member_id
           from organization b join organization o on o.path like b.path || '%' join member m on m.organization_id = o.id and m.status = 'NORMAL'
          where b.id = any(?::int[])
            and not exists (select 1 from life_exemption e where e.member_id = m.id and e.starts_on <= current_date and (e.ends_on is null or e.ends_on >= current_date))`,
        [ids],
      )
    : [];
  const hours = classHoursSource ? await classHoursSource(em, roster.map((r) => r.member_id), period.year) : null;
  return branches.map((branch) => {
    const rows: LifeRow[] = [];
    const mine = counts.filter((c) => c.branch_id === branch.id);
    const groupIds = groups.filter((g) => g.branch_id === branch.id).map((g) => g.group_id);
    for (const req of requirements) {
      if (req.target <= 0) continue;
      for (const cycle of cyclesIn(period, req.cycle)) {
        const closed = closesAt(cycle) <= now;
        const months = new Set(monthsOf(cycle));
        const row = (required: number, held: number, approved: number, status?: ItemStatus, note: string | null = null): LifeRow => ({
          item: req.item,
          label: ITEM_LABEL[req.item],
          cycle: cycle.key,
          required,
          held,
          approved,
          status: status ?? statusOf({ required, held, approved }, closed),
          note,
        });
        const sum = (orgId: number) => {
          const these = mine.filter((c) => c.organization_id === orgId && c.type === req.item && months.has(c.month));
          return { held: these.reduce((n, c) => n + c.held, 0), approved: these.reduce((n, c) => n + c.approved, 0) };
        };
        if (req.item === LifeItem.CLASS_HOURS) {
          if (!hours) rows.push(row(req.target, 0, 0, ItemStatus.NO_SOURCE, '学时由在线学习模块统计，该模块尚未上线。'));
          else {
            // Every member (not excused) reaching the target: required = members, held = those who did.
            const mine = roster.filter((r) => r.branch_id === branch.id).map((r) => hours.get(r.member_id) ?? 0);
            const reached = mine.filter((h) => h >= req.target).length;
            const average = mine.length ? Math.round((mine.reduce((n, h) => n + h, 0) / mine.length) * 10) / 10 : 0;
            rows.push(row(mine.length, reached, reached, reached >= mine.length ? ItemStatus.MET : closed ? ItemStatus.MISSING : ItemStatus.OPEN, `人均${average}学时，目标${req.target}学时`));
          }
        } else if (req.item === LifeItem.TALKS) {
          const t = talks.find((x) => x.branch_id === branch.id);
          const share = t && t.eligible > 0 ? Math.floor((t.covered * 100) / t.eligible) : 0;
          rows.push(row(req.target, share, share, share >= req.target ? ItemStatus.MET : closed ? ItemStatus.MISSING : ItemStatus.OPEN, t ? `${t.covered}/${t.eligible}人` : null));
        } else if (req.item === LifeItem.GROUP) {
          if (groupIds.length === 0) rows.push(row(0, 0, 0, ItemStatus.NOT_APPLICABLE, '未设党小组'));
          else {
            const per = groupIds.map(sum);
            rows.push(row(req.target * groupIds.length, per.reduce((n, g) => n + Math.min(g.held, req.target), 0), per.reduce((n, g) => n + Math.min(g.approved, req.target), 0)));
          }
        } else if (req.item === LifeItem.COMMITTEE && (committees.find((c) => c.branch_id === branch.id)?.n ?? 0) < COMMITTEE_MIN) {
          rows.push(row(0, 0, 0, ItemStatus.NOT_APPLICABLE, '未设支部委员会'));
        } else {
          const s = sum(branch.id);
          rows.push(row(req.target, s.held, s.approved));
        }
      }
    }
    const own = rows.filter((r) => r.cycle === period.key && r.status !== ItemStatus.NOT_APPLICABLE && r.status !== ItemStatus.NO_SOURCE);
    return { organization: branch, rows, complete: own.every((r) => r.status === ItemStatus.MET) };
  });
}
