/**
 * Exams: set up by the admins who keep learning at an organisation — a draw rule over the bank
 * (per type and dimension: how many, how many points each), a time limit, a pass mark, attempts, a
 * window and the organisations it is open to — then published (if the bank can fill the rule) or
 * withdrawn. The window closes it by the clock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { ruleRefusal } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { available } from './draw.js';
import { examReadFilter } from './learning.access.js';
import { Exam } from './learning.entity.js';
import { DIMENSION_LABEL, ExamStatus, QUESTION_TYPE_LABEL, SOURCE, type DrawRule } from './question-types.js';

export interface ExamInput {
  organizationId: number;
  title: string;
  rules: DrawRule[];
  durationMinutes: number;
  passMark: number;
  maxAttempts?: number | null;
  opensAt: Date;
  closesAt: Date;
  eligibleOrganizationIds?: number[] | null;
}

const MAX_QUESTIONS = 200;

export async function createExam(em: EntityManager, actor: Actor, input: ExamInput): Promise<Exam> {
  const me = requireUser(actor.viewer);
  const title = plainLine(input.title, 'title', 200, true);
  if (input.rules.length === 0 || input.rules.length > 20) throw badInput('One to twenty draw rules.', 'rules');
  for (const [i, r] of input.rules.entries()) {
    if (!Number.isInteger(r.count) || r.count < 1 || r.count > MAX_QUESTIONS) throw badInput('How many questions: 1 or more.', `rules.${i}.count`);
    if (!Number.isInteger(r.points) || r.points < 1 || r.points > 100) throw badInput('Points per question: 1 to 100.', `rules.${i}.points`);
  }
  if (input.rules.reduce((n, r) => n + r.count, 0) > MAX_QUESTIONS) throw badInput(`At most ${MAX_QUESTIONS} questions in a paper.`, 'rules');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > 600) throw badInput('A time limit of 1 to 600 minutes.', 'durationMinutes');
  if (!Number.isInteger(input.passMark) || input.passMark < 0 || input.passMark > 100) throw badInput('A pass mark out of 100.', 'passMark');
  const maxAttempts = input.maxAttempts ?? 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) throw badInput('One to ten attempts.', 'maxAttempts');
  if (Number.isNaN(input.opensAt.getTime()) || Number.isNaN(input.closesAt.getTime()) || input.closesAt <= input.opensAt) throw badInput('The window closes after it opens.', 'closesAt');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    const eligible = [...new Set(input.eligibleOrganizationIds ?? [])];
    if (eligible.length > 50) throw badInput('At most 50 organisations.', 'eligibleOrganizationIds');
    if (eligible.length) {
      const inside = await tx.count(Organization, { id: { $in: eligible }, path: { $like: `${org.path}%` } });
      if (inside !== eligible.length) throw badInput('The exam is open to organisations within its own.', 'eligibleOrganizationIds');
    }
    const exam = tx.create(Exam, {
      enterprise: org.enterprise.id,
      organization: org,
      title,
      rules: input.rules.map((r) => ({ type: r.type, dimension: r.dimension ?? null, count: r.count, points: r.points })),
      durationMinutes: input.durationMinutes,
      passMark: input.passMark,
      maxAttempts,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      eligible,
      status: ExamStatus.DRAFT,
      createdBy: me.userId,
    } as never) as Exam;
    await tx.flush();
    return exam;
  });
}

async function loadManaged(tx: EntityManager, actor: Actor, id: number): Promise<Exam> {
  const access = examReadFilter(actor);
  const exam = access ? await tx.findOne(Exam, { $and: [{ id }, access] }) : null;
  if (!exam) throw new AppError(ErrorCode.NOT_FOUND, 'The exam does not exist.');
  await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', exam.organization.id, 'The exam');
  return exam;
}

/** Publishes a draft, once the enterprise's bank holds enough active questions for every rule. */
export async function publishExam(em: EntityManager, actor: Actor, id: number): Promise<Exam> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const exam = await loadManaged(tx, actor, id);
    if (exam.status !== ExamStatus.DRAFT) throw conflict('Only a draft is published.', 'id');
    if (exam.closesAt <= new Date()) throw conflict('The exam’s window has passed.', 'id');
    for (const rule of exam.rules) {
      const have = await available(tx, exam.enterprise.id, rule);
      if (have < rule.count) {
        throw ruleRefusal(
          `题库中${rule.dimension ? DIMENSION_LABEL[rule.dimension] : ''}${QUESTION_TYPE_LABEL[rule.type]}只有${have}道，不足抽题规则要求的${rule.count}道。`,
          'learning.bankTooSmall',
          SOURCE,
        );
      }
    }
    exam.status = ExamStatus.PUBLISHED;
    recordAudit(tx, actor.viewer, { action: 'exam.publish', subjectType: 'Exam', subjectId: exam.id, organizationId: exam.organization.id, enterpriseId: exam.enterprise.id });
    await tx.flush();
    return exam;
  });
}

export async function withdrawExam(em: EntityManager, actor: Actor, id: number): Promise<Exam> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const exam = await loadManaged(tx, actor, id);
    if (exam.status === ExamStatus.WITHDRAWN) throw conflict('The exam is withdrawn already.', 'id');
    exam.status = ExamStatus.WITHDRAWN;
    recordAudit(tx, actor.viewer, { action: 'exam.withdraw', subjectType: 'Exam', subjectId: exam.id, organizationId: exam.organization.id, enterpriseId: exam.enterprise.id });
    await tx.flush();
    return exam;
  });
}
