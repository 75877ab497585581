/**
 * An organisation's dashboard over its subtree (issue #18 item 4): members (by category, age band,
 * education, 党龄 — counts only, the small-count rule applied), the development pipeline, dues
 * collection, meeting compliance, learning, transfer turnaround and content output — each figure
 * with its definition. A dozen aggregate statements over the subtree, whatever its size.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organization } from '../organizations/organization.entity.js';
import { suppress, type Cell } from './small-counts.js';

export interface Figure {
  key: string;
  label: string;
  value: string;
  definition: string;
}

export interface Breakdown {
  key: string;
  label: string;
  definition: string;
  cells: Cell[];
}

export interface Dashboard {
  year: number;
  figures: Figure[];
  breakdowns: Breakdown[];
}

const CATEGORY: Record<string, string> = { FULL: '正式党员', PROBATIONARY: '预备党员' };
const STAGE: Record<string, string> = {
  APPLICANT: '入党申请人', TALKED: '已谈话', ACTIVIST: '入党积极分子', CANDIDATE: '发展对象', PRE_REVIEW: '预审中', FORM_ISSUED: '已发志愿书',
  PENDING_APPROVAL: '待党委审批', PROBATIONARY: '预备党员', CONFIRMATION_PENDING: '待审批转正',
};
const pct = (part: number, whole: number) => (whole ? `${Math.round((part * 1000) / whole) / 10}%` : '—');

export async function dashboardOf(em: EntityManager, org: Organization, now = new Date()): Promise<Dashboard> {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const sub = `${org.path}%`;
  const q = <T>(sql: string, params: unknown[]) => em.getConnection().execute<T[]>(sql, params);
  const [people, pipeline, dues, meetings, learning, transfers, content, surveys, assessments] = await Promise.all([
    // One pass over the subtree's members for all four breakdowns (grouping sets, not four scans).
    q<{ dim: string; key: string | null; n: number }>(
      `select case grouping(m.category, a.band, m.education, s.band) when 7 then 'category' when 11 then 'age' when 13 then 'education' else 'standing' end as dim,
              coalesce(m.category, a.band, m.education, s.band) as key, count(*)::int as n
         from member m join organization o on o.id = m.organization_id
         cross join lateral (select case when extract(year from age(?::date, m.birth_date)) < 30 then '30岁以下' when extract(year from age(?::date, m.birth_date)) < 40 then '30–39岁'
                                         when extract(year from age(?::date, m.birth_date)) < 50 then '40–49岁' when extract(year from age(?::date, m.birth_date)) < 60 then '50–59岁' else '60岁及以上' end as band) a
         cross join lateral (select case when extract(year from age(?::date, m.joined_on)) < 5 then '5年以下' when extract(year from age(?::date, m.joined_on)) < 10 then '5–9年'
                                         when extract(year from age(?::date, m.joined_on)) < 20 then '10–19年' when extract(year from age(?::date, m.joined_on)) < 30 then '20–29年' else '30年及以上' end as band) s
        where o.path like ? and m.status = 'NORMAL'
        group by grouping sets ((m.category), (a.band), (m.education), (s.band))`,
      [today, today, today, today, today, today, today, today, sub],
    ),
    q<{ stage: string; n: number }>(
      `select a.stage, count(*)::int as n from applicant a join organization o on o.id = a.organization_id where o.path like ? and a.stage not in ('FULL', 'REJECTED', 'WITHDRAWN', 'MOVED', 'DISQUALIFIED') group by 1`,
      [sub],
    ),
    // Through the months opened for the subtree's branches (items lie together by month): no per-member
    // ordering of millions of rows, and those owing counted among the unpaid items only.
    q<{ due: number; paid: number; owed_members: number }>(
      `select count(*)::int as due, count(*) filter (where i.status in ('PAID', 'EXEMPT'))::int as paid,
              (select count(distinct u.member_id)::int from dues_month um join organization uo on uo.id = um.organization_id join dues_item u on u.month_id = um.id
                where uo.path like ? and um.month like ? and um.month < ? and u.status = 'UNPAID') as owed_members
         from dues_month dm join organization o on o.id = dm.organization_id join dues_item i on i.month_id = dm.id
        where o.path like ? and dm.month like ?`,
      [sub, `${year}-%`, month, sub, `${year}-%`],
    ),
    q<{ held: number; approved: number; branches_met: number; branches: number }>(
      `select (select count(*)::int from meeting x join organization o on o.id = x.organization_id where o.path like ? and x.status <> 'CANCELLED' and x.starts_at <= ? and extract(year from x.starts_at at time zone 'Asia/Shanghai') = ?) as held,
              (select count(*)::int from meeting x join organization o on o.id = x.organization_id where o.path like ? and x.status = 'APPROVED' and extract(year from x.starts_at at time zone 'Asia/Shanghai') = ?) as approved,
              (select count(*)::int from organization b where b.path like ? and b.level = 'BRANCH' and not b.temporary and b.archived_at is null
                  and exists (select 1 from meeting x where x.organization_id = b.id and x.status = 'APPROVED' and ('THEME_DAY' = x.type or 'THEME_DAY' = any(x.also_counts_as))
                              and to_char(x.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ?)) as branches_met,
              (select count(*)::int from organization b where b.path like ? and b.level = 'BRANCH' and not b.temporary and b.archived_at is null) as branches`,
      [sub, now, year, sub, year, sub, month, sub],
    ),
    q<{ members: number; studied: number; hours: string | null }>(
      `select count(distinct m.id)::int as members, count(distinct p.member_id)::int as studied, coalesce(sum(i.hours), 0)::text as hours
         from member m join organization o on o.id = m.organization_id
         left join study_progress p on p.member_id = m.id and p.completed_at >= make_date(?, 1, 1) and p.completed_at < make_date(?, 1, 1)
         left join course_item i on i.id = p.item_id
        where o.path like ? and m.status = 'NORMAL'`,
      [year, year + 1, sub],
    ),
    q<{ received: number; days: string | null }>(
      `select count(*)::int as received, round(avg(t.received_on - t.issued_on), 1)::text as days
         from transfer t join organization o on o.id = t.from_organization_id where o.path like ? and t.received_on is not null and extract(year from t.received_on) = ?`,
      [sub, year],
    ),
    q<{ published: number; views: string | null; adoptions: number }>(
      `select count(*)::int as published, coalesce(sum(c.view_count), 0)::text as views,
              (select count(*)::int from case_adoption a join content ac on ac.id = a.content_id join organization ao on ao.id = ac.organization_id
                where ao.path like ? and a.created_at >= make_date(?, 1, 1)) as adoptions
         from content c join organization o on o.id = c.organization_id
        where o.path like ? and c.status = 'PUBLISHED' and c.published_at >= make_date(?, 1, 1)`,
      [sub, year, sub, year],
    ),
    // Surveys of the subtree this year: answers given against the members asked.
    q<{ surveys: number; answered: number; asked: number }>(
      `select count(*)::int as surveys, coalesce(sum((select count(*) from survey_receipt r where r.survey_id = v.id)), 0)::int as answered,
              coalesce(sum(case when v.audience = 'ENTERPRISE' then (select count(*) from member m where m.enterprise_id = v.enterprise_id and m.status = 'NORMAL')
                                else (select count(*) from member m join organization mo on mo.id = m.organization_id where mo.path like o.path || '%' and m.status = 'NORMAL') end), 0)::int as asked
         from survey v join organization o on o.id = v.organization_id
        where o.path like ? and v.opens_at >= make_date(?, 1, 1) and v.opens_at < make_date(?, 1, 1)`,
      [sub, year, year + 1],
    ),
    // The subtree's assessed organisations in the latest diagnosis of each of this year's schemes; open improvement actions.
    q<{ assessed: number; average: string | null; missed: number; open_actions: number }>(
      `with latest as (
         select distinct on (d.scheme_id) d.id from assessment_diagnosis d join assessment_scheme s on s.id = d.scheme_id
          where s.starts_on >= make_date(?, 1, 1) and s.starts_on < make_date(?, 1, 1)
          order by d.scheme_id, (d.kind = 'FINAL') desc, d.taken_at desc)
       select count(*)::int as assessed, round(avg(st.total)::numeric, 1)::text as average,
              (select count(*)::int from assessment_score x join latest l on l.id = x.diagnosis_id join assessment_assignee aa on aa.id = x.assignee_id join organization ao on ao.id = aa.organization_id
                where ao.path like ? and x.level = 'MISSED') as missed,
              (select count(*)::int from improvement_action ia join organization io on io.id = ia.organization_id where io.path like ? and ia.stage <> 'CLOSED') as open_actions
         from assessment_standing st join latest l on l.id = st.diagnosis_id join assessment_assignee a on a.id = st.assignee_id join organization o on o.id = a.organization_id
        where o.path like ?`,
      [year, year + 1, sub, sub, sub],
    ),
  ]);
  const dim = (d: string) => people.filter((r) => r.dim === d);
  const members = dim('category');
  const total = members.reduce((n, r) => n + r.n, 0);
  const sv = surveys[0]!;
  const as = assessments[0]!;
  const d = dues[0]!;
  const mt = meetings[0]!;
  const l = learning[0]!;
  const t = transfers[0]!;
  const c = content[0]!;
  return {
    year,
    figures: [
      { key: 'members', label: '党员人数', value: String(total), definition: '党籍状态正常的党员，本组织及下级组织合计。' },
      { key: 'duesRate', label: `${year}年党费收缴率`, value: pct(d.paid, d.due), definition: '本年已开具党费月份中，已交或经批准免交的条目占全部应交条目的比例。' },
      { key: 'duesOwing', label: '欠交党费人数', value: suppress([{ label: '欠交', count: d.owed_members }])[0]!.value, definition: '本月以前有未交党费月份的党员人数（不足5人显示“<5”）。' },
      { key: 'themeDay', label: `${month}主题党日完成`, value: `${mt.branches_met}/${mt.branches}`, definition: '本月已召开主题党日（或同时作为主题党日的会议）且记录经上级审核通过的党支部数/党支部总数。' },
      { key: 'meetings', label: `${year}年组织生活会议`, value: `${mt.held}（已审核${mt.approved}）`, definition: '本年已召开的三会一课等组织生活会议数，括号内为记录已审核通过的数。' },
      { key: 'learningCoverage', label: `${year}年在线学习参学率`, value: pct(l.studied, l.members), definition: '本年完成过课程学习的党员占党员总数的比例。' },
      { key: 'learningHours', label: '人均在线学时', value: l.members ? String(Math.round((Number(l.hours ?? 0) / l.members) * 10) / 10) : '—', definition: '本年完成课程所得学时之和除以党员人数（不含党课等线下学时）。' },
      { key: 'transferDays', label: '组织关系转接平均用时', value: t.received ? `${t.days}天（${t.received}件）` : '—', definition: '本年转出并已被接收的转接，自开具介绍信至接收的平均天数。' },
      { key: 'content', label: `${year}年发布信息`, value: `${c.published}篇，阅读${c.views}次，被推广${c.adoptions}次`, definition: '本年发布的工作动态、党务公开、经验交流和共享资源，其阅读次数，及本年经验案例被登记推广应用的次数。' },
      { key: 'surveys', label: `${year}年问卷参与率`, value: sv.surveys ? `${pct(sv.answered, sv.asked)}（${sv.surveys}份问卷）` : '—', definition: '本年本组织及下级组织发起的问卷中，已作答人次占应答人次（各问卷对象人数之和）的比例。' },
      { key: 'assessment', label: `${year}年考核平均得分`, value: as.assessed ? `${as.average}分（${as.assessed}个单位次）` : '—', definition: '本年各考核方案最近一次诊断（已关闭的取最终结果）中，本组织及下级被考核单位总分的平均值。' },
      { key: 'improvement', label: '未达必达目标 / 未完成整改', value: `${as.missed}项 / ${as.open_actions}项`, definition: '最近一次诊断中未达必达目标的指标数，及尚未完成的整改措施数（PDCA）。' },
    ],
    breakdowns: [
      { key: 'category', label: '党员类别', definition: '正式党员与预备党员人数。', cells: suppress(Object.entries(CATEGORY).map(([k, label]) => ({ label, count: members.find((m) => m.key === k)?.n ?? 0 }))) },
      { key: 'age', label: '年龄结构', definition: '按周岁分段的党员人数。', cells: suppress(['30岁以下', '30–39岁', '40–49岁', '50–59岁', '60岁及以上'].map((label) => ({ label, count: dim('age').find((a) => a.key === label)?.n ?? 0 }))) },
      { key: 'education', label: '学历结构', definition: '按档案所记学历的党员人数（未填写的计入“未填写”）。', cells: suppress(dim('education').sort((a, b) => b.n - a.n).map((e) => ({ label: e.key ?? '未填写', count: e.n }))) },
      { key: 'standing', label: '党龄结构', definition: '自入党之日起算的党龄分段人数。', cells: suppress(['5年以下', '5–9年', '10–19年', '20–29年', '30年及以上'].map((label) => ({ label, count: dim('standing').find((s) => s.key === label)?.n ?? 0 }))) },
      { key: 'pipeline', label: '发展党员', definition: '正在培养发展的人员，按所处阶段（不含已转正、已终止）。', cells: suppress(Object.entries(STAGE).map(([k, label]) => ({ label, count: pipeline.find((p) => p.stage === k)?.n ?? 0 }))) },
    ],
  };
}
