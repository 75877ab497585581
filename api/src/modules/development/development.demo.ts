/**
 * Demo developments: in each demo enterprise, applicants at every stage — recorded step by step
 * through the service as the enterprise's top admin, so every rule of §3 is checked on the way
 * (the 公示 of the past entered as held; one 发展对象 with a 公示 running now). Dates count back
 * from today, so the board always shows a live picture. Additive and idempotent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../core/config.js';
import { person, randomFrom } from '../../demo/people.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { actorOfLogin } from '../identity/user-actor.js';
import { Member, MemberCategory, MemberStatus } from '../members/member.entity.js';
import { ensureMemberKeys } from '../members/member.keys.js';
import { chinaToday } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { Applicant } from './development.entity.js';
import { createApplicant, recordStep, type StepInput } from './development.service.js';
import { daysLater, monthsLater, type DevelopmentStage } from './stages.js';

const DEMO_DEVELOPMENTS = [
  { enterprise: 'huayou', admin: 'admin@huayou.example', region: '370504', branches: ['作业大队党支部', '采油四队党支部', '油藏工程研究所党支部', '井下作业公司党支部', '催化裂化车间党支部'] },
  { enterprise: 'jiangchuan-power', admin: 'admin@jcpower.example', region: '360104', branches: ['配电运检班党支部', '变电运维一班党支部', '输电运检中心党支部'] },
];

/** Where each demo applicant stops, and how far back its application lies (months, days). */
const TARGETS: { stage: DevelopmentStage; back: [number, number] }[] = [
  { stage: 'APPLICANT', back: [1, 12] }, // the talk is overdue
  { stage: 'APPLICANT', back: [0, 10] },
  { stage: 'TALKED', back: [2, 0] },
  { stage: 'ACTIVIST', back: [9, 0] },
  { stage: 'ACTIVIST', back: [14, 0] },
  { stage: 'CANDIDATE', back: [17, 0] }, // its 公示 runs now
  { stage: 'PRE_REVIEW', back: [18, 20] },
  { stage: 'FORM_ISSUED', back: [19, 10] },
  { stage: 'PENDING_APPROVAL', back: [20, 10] },
  { stage: 'PROBATIONARY', back: [21, 25] },
  { stage: 'PROBATIONARY', back: [30, 0] },
  { stage: 'CONFIRMATION_PENDING', back: [32, 15] },
  { stage: 'FULL', back: [34, 0] },
  { stage: 'REJECTED', back: [10, 0] },
  { stage: 'WITHDRAWN', back: [3, 0] },
];

/** The steps that take an application made on `applied` to `stage`, with their days. */
function plan(stage: DevelopmentStage, applied: string, today: string): Omit<StepInput, 'applicantId'>[] {
  const m = (months: number, days = 0) => daysLater(monthsLater(applied, months), days);
  const steps: Omit<StepInput, 'applicantId'>[] = [];
  const add = (step: StepInput['step'], happenedOn: string, more: Partial<StepInput> = {}) => steps.push({ step, happenedOn, ...more });
  if (stage === 'APPLICANT') return steps;
  if (stage === 'WITHDRAWN') return [{ step: 'WITHDRAW', happenedOn: m(1), note: '本人因工作调动撤回入党申请' }];
  add('TALK', m(0, 20), { people: '支部书记', note: '了解入党动机，介绍党的基本知识' });
  if (stage === 'TALKED') return steps;
  add('ACTIVIST', m(4), { decidedBy: '支委会', note: '经党员推荐，支委会研究确定为入党积极分子，报党委备案' });
  if (stage === 'REJECTED') return [...steps, { step: 'REJECT', happenedOn: m(8), decidedBy: '支委会', note: '考察期间出现违反劳动纪律问题，暂缓发展' }];
  add('REPORT', m(7), { note: '第一季度思想汇报：学习党的二十大精神体会' });
  if (m(10) <= today) add('ASSESSMENT', m(10), { decidedBy: '支委会', note: '半年考察：工作积极，群众评价较好' });
  if (stage === 'ACTIVIST') return steps;
  const candidate = stage === 'CANDIDATE' ? today : m(17);
  add('CANDIDATE', candidate, stage === 'CANDIDATE' ? { decidedBy: '支委会' } : { decidedBy: '支委会', noticeHeld: { startsOn: daysLater(candidate, 3), endsOn: daysLater(candidate, 23) } });
  if (stage === 'CANDIDATE') return steps;
  add('INTRODUCERS', m(17, 25));
  add('POLITICAL_REVIEW', m(17, 26), { decidedBy: '支委会', note: '政治审查合格' });
  add('TRAINING', m(17, 27), { hours: 24, people: '党校发展对象培训班' });
  add('COMMITTEE_REVIEW', m(18, 15), { decidedBy: '支委会' });
  if (stage === 'PRE_REVIEW') return steps;
  add('PRE_REVIEW', m(19), { decidedBy: '基层党委', note: '预审合格，发放《入党志愿书》' });
  if (stage === 'FORM_ISSUED') return steps;
  add('ADMISSION_VOTE', m(19, 15), { decidedBy: '支部大会' });
  add('UPPER_TALK', m(20), { people: '党委组织委员' });
  if (stage === 'PENDING_APPROVAL') return steps;
  add('APPROVAL', m(21), { decidedBy: '基层党委' });
  add('OATH', m(21, 10));
  if (stage === 'PROBATIONARY') return steps;
  add('CONFIRMATION_APPLICATION', m(31, 5), { note: '本人提交转正申请书', noticeHeld: { startsOn: m(31, 8), endsOn: m(31, 25) } });
  add('CONFIRMATION_VOTE', m(32), { decidedBy: '支部大会', outcome: 'CONFIRM' });
  if (stage === 'CONFIRMATION_PENDING') return steps;
  add('CONFIRMATION_APPROVAL', m(33), { decidedBy: '基层党委' });
  add('ARCHIVE', m(33, 3));
  return steps;
}

export async function seedDemoDevelopments(em: EntityManager, config: Config): Promise<string[]> {
  ensureMemberKeys(em, config);
  const created: string[] = [];
  const today = chinaToday();
  for (const demo of DEMO_DEVELOPMENTS) {
    const enterprise = await em.findOne(Enterprise, { slug: demo.enterprise });
    const actor = enterprise && (await actorOfLogin(em, demo.admin));
    if (!enterprise || !actor || (await em.count(Applicant, { enterprise }))) continue;
    const branches = await em.find(Organization, { enterprise, name: { $in: demo.branches }, level: 'BRANCH' });
    const random = randomFrom(`development/${demo.enterprise}`);
    let n = 0;
    for (const [i, target] of TARGETS.entries()) {
      const branch = branches[i % branches.length];
      if (!branch) continue;
      const full = await em.find(Member, { organization: branch, category: MemberCategory.FULL, status: MemberStatus.NORMAL }, { orderBy: { id: 'asc' }, limit: 4 });
      if (full.length < 3) continue;
      const applied = daysLater(monthsLater(today, -target.back[0]), -target.back[1]);
      const p = person(random, demo.region, 1995, 2004, i);
      const opened = await createApplicant(em, actor, { organizationId: branch.id, name: p.name, idNumber: p.idNumber, phone: p.phone, education: p.education, employer: `${enterprise.shortName}${branch.name.replace(/党支部$/, '')}`, position: '员工', appliedOn: applied });
      const roll = await em.count(Member, { organization: branch, category: MemberCategory.FULL, status: MemberStatus.NORMAL });
      for (const step of plan(target.stage, applied, today)) {
        await recordStep(em, actor, {
          ...step,
          applicantId: opened.applicant.id,
          contactIds: step.step === 'ACTIVIST' ? [full[0]!.id, full[1]!.id] : null,
          introducerIds: step.step === 'INTRODUCERS' ? [full[1]!.id, full[2]!.id] : null,
          vote: step.step === 'ADMISSION_VOTE' || step.step === 'CONFIRMATION_VOTE' ? { expected: roll, present: roll - 1, yes: roll - 2, no: 0, abstain: 1, writtenYes: 1, writtenNo: 0, writtenAbstain: 0 } : null,
        });
      }
      n += 1;
      // Each development in a clean unit of work: the seed's one transaction holds thousands of rows.
      em.clear();
    }
    created.push(`${n} demo applicants in ${demo.enterprise}`);
  }
  return created;
}
