/**
 * What assessment tells people and asks of them: a diagnosis on its set date (taken by the
 * reminder runner, once in every process) tells each assessed organisation's admins their total
 * and place; the assessors are reminded to close a period once it is over; 待办 lists evidence
 * awaiting a score (for the assessors), and improvement actions to plan or overdue (for the
 * assessed organisation's own admins).
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { chinaDay } from '../../core/metrics.js';
import type { ReminderRule, TodoItem, TodoSource } from '../../core/module.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import type { Organization } from '../organizations/organization.entity.js';
import { AssessmentEvidence, AssessmentScheme, DiagnosisKind, ImprovementAction, PdcaStage, SchemeStatus } from './assessment.entity.js';
import { takeDiagnosis } from './scorecard.js';

export const schemeLink = (id: number) => `/workspace/assessments/${toGlobalId('AssessmentScheme', id)}`;

export const DIAGNOSED = defineNotificationKind<{ scheme: string; organization: string; total: string; rank: string; missed: string }>({
  kind: 'assessments.diagnosed',
  label: '考核诊断结果',
  title: (p) => `考核诊断：${p.scheme}`,
  body: (p) => `${p.organization}本次诊断得分${p.total}，排名${p.rank}。${p.missed}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const PERIOD_OVER = defineNotificationKind<{ scheme: string; period: string }>({
  kind: 'assessments.period_over',
  label: '考核期结束',
  title: (p) => `考核期已结束：${p.scheme}`,
  body: (p) => `${p.scheme}（${p.period}）考核期已结束。请评分全部佐证材料后关闭考核期，生成最终结果。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

const adminsOf = async (em: EntityManager, organizationId: number) =>
  (await em.execute<{ user_id: number }[]>(`select distinct user_id from membership where organization_id = ? and role = 'ORG_ADMIN'`, [organizationId])).map((r) => r.user_id);

export const scheduledDiagnosis: ReminderRule = {
  name: 'assessments.diagnosis',
  description: 'On each set date of an active scheme: the diagnosis is taken and each assessed organisation’s admins are told their total and place.',
  async due(em, now) {
    const today = chinaDay(now);
    const rows = await em.execute<{ id: number; enterprise_id: number; day: string }[]>(
      `select s.id, s.enterprise_id, d.day from assessment_scheme s cross join lateral unnest(s.diagnosis_dates) as d(day)
        where s.status = 'ACTIVE' and d.day <= ?
          and not exists (select 1 from assessment_diagnosis x where x.scheme_id = s.id and x.kind = 'SCHEDULED' and x.as_of = d.day::date)`,
      [today],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.id),
      due: r.day,
      send: async (tx: EntityManager) => {
        const scheme = await tx.findOneOrFail(AssessmentScheme, r.id);
        if (scheme.status !== SchemeStatus.ACTIVE) return;
        const { cards } = await takeDiagnosis(tx, scheme, DiagnosisKind.SCHEDULED, r.day, now);
        for (const card of cards) {
          const missed = card.rows.filter((x) => x.level === 'MISSED').map((x) => x.indicator.name);
          await notify(tx, {
            kind: DIAGNOSED,
            params: {
              scheme: scheme.name,
              organization: card.organization.name,
              total: card.total === null ? '—' : String(card.total),
              rank: card.rank === null ? '—' : `${card.rank}/${card.peers}`,
              missed: missed.length ? `未达必达目标：${missed.join('、')}，已生成整改措施，请制定计划。` : '各项必达目标均已达成。',
            },
            recipients: await adminsOf(tx, card.organization.id),
            enterpriseId: scheme.enterprise.id,
            organizationId: card.organization.id,
            link: schemeLink(scheme.id),
          });
        }
      },
    }));
  },
};

export const periodOver: ReminderRule = {
  name: 'assessments.periodOver',
  description: 'The day after a period ends: the assessing organisation’s admins, to score what remains and close it.',
  async due(em, now) {
    const rows = await em.execute<{ id: number; enterprise_id: number; organization_id: number; name: string; period: string; ends_on: string }[]>(
      `select id, enterprise_id, organization_id, name, period, to_char(ends_on, 'YYYY-MM-DD') as ends_on from assessment_scheme where status = 'ACTIVE' and ends_on < ?::date`,
      [chinaDay(now)],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.id),
      due: r.ends_on,
      send: async (tx: EntityManager) => {
        await notify(tx, { kind: PERIOD_OVER, params: { scheme: r.name, period: r.period }, recipients: await adminsOf(tx, r.organization_id), enterpriseId: r.enterprise_id, organizationId: r.organization_id, link: schemeLink(r.id) });
      },
    }));
  },
};

export const assessmentTodos: TodoSource = {
  name: 'assessments',
  async items(ctx, limit) {
    const manages = accessibleWhere<Organization>(ctx.ability, 'manageAssessments', 'Organization');
    if (manages === null || ctx.viewer.kind !== 'user') return [];
    const orgs = isUnrestricted(manages) ? {} : manages;
    // Improvement actions wait for the assessed organisation's own admins, not for everyone above it.
    const own = ctx.viewer.grants.filter((g) => g.role === 'ORG_ADMIN').map((g) => g.organizationId);
    const today = chinaDay(new Date());
    const [evidence, actions] = await Promise.all([
      ctx.em.find(AssessmentEvidence, { score: null, assignee: { scheme: { status: SchemeStatus.ACTIVE, organization: orgs } } } as FilterQuery<AssessmentEvidence>, {
        populate: ['assignee.scheme', 'assignee.organization', 'indicator'],
        orderBy: { submittedAt: 'asc' },
        limit,
      }),
      ctx.em.find(
        ImprovementAction,
        { organization: { $in: own }, $or: [{ stage: PdcaStage.PLAN }, { stage: PdcaStage.DO, dueOn: { $lt: today } }] } as FilterQuery<ImprovementAction>,
        { populate: ['assignee.scheme', 'indicator'], orderBy: { openedAt: 'asc' }, limit },
      ),
    ]);
    const items: TodoItem[] = [
      ...evidence.map((e) => ({
        kind: 'assessments.score',
        title: `佐证材料待评分：${e.assignee.$.organization.$.name}·${e.indicator.$.name}`,
        link: schemeLink(e.assignee.$.scheme.id),
        since: e.submittedAt,
        dueAt: null,
        organizationId: e.assignee.$.scheme.$.organization.id,
      })),
      ...actions.map((a) => ({
        kind: 'assessments.improve',
        title: a.stage === PdcaStage.PLAN ? `整改措施待制定计划：${a.indicator.$.name}` : `整改措施已超期：${a.indicator.$.name}`,
        link: `${schemeLink(a.assignee.$.scheme.id)}?org=${toGlobalId('Organization', a.organization.id)}`,
        since: a.openedAt,
        dueAt: a.dueOn ? new Date(`${a.dueOn}T23:59:59+08:00`) : null,
        organizationId: a.organization.id,
      })),
    ];
    return items.sort((x, y) => x.since.getTime() - y.since.getTime()).slice(0, limit);
  },
};
