/**
 * Demo assessment: each committee above the demo branches assesses them quarterly — 组织生活达标率,
 * 党费按时交纳率, 人均学时 and a 特色工作 evidence indicator. Last quarter's scheme is closed
 * (its final diagnosis frozen, improvement actions opened where a branch missed, one already
 * being worked on); this quarter's runs with a diagnosis date at each month's end. Additive and
 * idempotent (once per enterprise).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomFrom } from '../../demo/people.js';
import { chinaDay } from '../../core/metrics.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { DEMO_ROLLS } from '../members/members.demo.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import {
  AssessmentAssignee,
  AssessmentEvidence,
  AssessmentIndicator,
  AssessmentScheme,
  DiagnosisKind,
  ImprovementAction,
  PdcaStage,
  SchemeStatus,
} from './assessment.entity.js';
import { parseAssessmentPeriod, previousPeriod } from './periods.js';
import { takeDiagnosis } from './scorecard.js';

const INDICATORS = [
  { name: '组织生活达标率', measure: 'METRIC', metricKey: 'meetings.lifeCompliance', weight: 35, mustReach: 80, stretch: 95, description: '三会一课、主题党日等按期召开且记录经审核。' },
  { name: '党费按时交纳率', measure: 'METRIC', metricKey: 'dues.onTime', weight: 25, mustReach: 90, stretch: 100, description: '按月足额交纳党费。' },
  { name: '党员人均学时', measure: 'METRIC', metricKey: 'learning.classHours', weight: 20, mustReach: 4, stretch: 8, description: '本季度在线与线下学时。' },
  { name: '党建特色工作', measure: 'EVIDENCE', metricKey: null, weight: 20, mustReach: 60, stretch: 90, description: '上传“党员先锋岗”“党员责任区”等特色工作佐证材料，由党委评分。' },
] as const;

const EVIDENCE = [
  '<p>本季度设立“党员先锋岗”3个，党员带头完成重点井组维护任务，解决生产难题5项。</p>',
  '<p>开展“党员责任区”划分，每名党员联系3至5名群众，收集合理化建议12条，已落实8条。</p>',
  '<p>组织“安全生产党员示范岗”活动，党员带头查改隐患23处，本季度实现安全生产零事故。</p>',
];

export async function seedDemoAssessment(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  const now = new Date();
  const today = chinaDay(now);
  const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
  for (const roll of DEMO_ROLLS) {
    const enterprise = await em.findOne(Enterprise, { slug: roll.enterprise });
    if (!enterprise || (await em.count(AssessmentScheme, { enterprise }))) continue;
    const branches = await em.find(Organization, { enterprise, name: { $in: roll.branches.map(([name]) => name) }, level: 'BRANCH' }, { orderBy: { id: 'asc' } });
    const byCommittee = new Map<number, { committee: Organization; branches: Organization[] }>();
    for (const b of branches) {
      const committee = await committeeAbove(em, b);
      if (!committee) continue;
      byCommittee.set(committee.id, { committee, branches: [...(byCommittee.get(committee.id)?.branches ?? []), b] });
    }
    for (const { committee, branches: assessed } of byCommittee.values()) {
      if (assessed.length < 2) continue;
      const random = randomFrom(`assessment/${committee.id}`);
      for (const key of [previousPeriod(quarter), quarter]) {
        const period = parseAssessmentPeriod(key);
        const current = key === quarter;
        const monthEnds = [1, 2, 3].map((k) => {
          const d = new Date(Date.UTC(Number(period.startsOn.slice(0, 4)), Number(period.startsOn.slice(5, 7)) - 1 + k, 0));
          return d.toISOString().slice(0, 10);
        });
        const scheme = em.create(AssessmentScheme, {
          enterprise, organization: committee, name: `${key.replace('-Q', '年第')}季度党支部工作考核`, period: key, periodKind: period.kind, startsOn: period.startsOn, endsOn: period.endsOn,
          diagnosisDates: current ? monthEnds : [],
        } as never) as AssessmentScheme;
        await em.flush();
        const indicators = INDICATORS.map((i, n) => em.create(AssessmentIndicator, { enterprise, scheme, position: n + 1, ...i } as never) as AssessmentIndicator);
        const assignees = assessed.map((o) => em.create(AssessmentAssignee, { enterprise, scheme, organization: o } as never) as AssessmentAssignee);
        await em.flush();
        // Most branches hand in evidence; the assessors scored last quarter's.
        for (const a of assignees) {
          if (random() < 0.2) continue;
          em.create(AssessmentEvidence, {
            enterprise, assignee: a, indicator: indicators[3]!, body: EVIDENCE[Math.floor(random() * EVIDENCE.length)]!, submittedAt: new Date(`${period.startsOn}T10:00:00+08:00`),
            ...(current ? {} : { score: 55 + Math.floor(random() * 45), scoreNote: '材料翔实，成效明显。', scoredAt: new Date(`${period.endsOn}T16:00:00+08:00`) }),
          } as never);
        }
        await em.flush();
        if (!current) {
          await takeDiagnosis(em, scheme, DiagnosisKind.FINAL, period.endsOn, now);
          scheme.status = SchemeStatus.CLOSED;
          scheme.closedAt = now;
          // The first action is under way: planned and being done.
          const [first] = await em.find(ImprovementAction, { assignee: { scheme } }, { orderBy: { id: 'asc' }, limit: 1 });
          if (first) Object.assign(first, { stage: PdcaStage.DO, plan: '支委会逐月排定三会一课计划，组织委员会前一周提醒，会后三日内上传记录报党委审核。', owner: '支部书记', dueOn: period.endsOn.slice(0, 4) === today.slice(0, 4) ? `${today.slice(0, 4)}-12-31` : today });
          await em.flush();
        }
        created.push(`${committee.name}：${scheme.name}（${assessed.length}个党支部）`);
      }
    }
  }
  return created;
}
