/**
 * Sitting an exam: the paper drawn once when the attempt starts and frozen (a reload finds the
 * same questions and answers); answers saved as the member goes, refused after the deadline by
 * server time; graded on the server when submitted — by the member, or by the server at the
 * deadline. Daily practice (每日答题) and 错题本 practice draw five questions the same way.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { drawPaper } from './draw.js';
import { PointAction } from './points.entity.js';
import { award } from './points.js';
import { answerShape, isCorrect, scoreOf } from './grade.js';
import { ELIGIBLE, examReadFilter } from './learning.access.js';
import { Attempt, AttemptItem, Exam, Question } from './learning.entity.js';
import { AttemptKind, AttemptStatus, ExamStatus, QuestionType, SOURCE } from './question-types.js';

const PRACTICE_SIZE = 5;
const PRACTICE_HOURS = 24;

/** The caller's member record in good standing (one sits exams as a member). */
async function myMember(tx: EntityManager, actor: Actor): Promise<Member> {
  const me = requireUser(actor.viewer);
  const member = await tx.findOne(Member, { user: me.userId, status: MemberStatus.NORMAL });
  if (!member) throw forbidden('Exams are sat by members in good standing.');
  return member;
}

async function writePaper(tx: EntityManager, attempt: Attempt, paper: readonly { questionId: number; points: number }[]): Promise<void> {
  await tx.execute(
    `insert into attempt_item (enterprise_id, attempt_id, position, question_id, points)
     select ?, ?, p.position, p.question_id, p.points from jsonb_to_recordset(?::jsonb) as p(position int, question_id int, points int)`,
    [attempt.enterprise.id, attempt.id, JSON.stringify(paper.map((p, i) => ({ position: i + 1, question_id: p.questionId, points: p.points })))],
  );
}

/** Starts an attempt — or returns the one already open (a reload never redraws). */
export async function startAttempt(em: EntityManager, actor: Actor, examId: number): Promise<Attempt> {
  try {
    return await em.transactional(async (tx) => {
      const member = await myMember(tx, actor);
      const access = examReadFilter(actor);
      const exam = access ? await tx.findOne(Exam, { $and: [{ id: examId }, access] }) : null;
      if (!exam) throw new AppError(ErrorCode.NOT_FOUND, 'The exam does not exist.');
      const [eligible] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from exam x where x.id = ? and exists (${ELIGIBLE('x')})`, [exam.id, actor.viewer.kind === 'user' ? actor.viewer.userId : 0]);
      if (exam.status !== ExamStatus.PUBLISHED || !eligible?.n) throw forbidden('The exam is not open to you.');
      const open = await tx.findOne(Attempt, { exam: exam.id, member: member.id, status: AttemptStatus.STARTED });
      if (open && open.deadline > new Date()) return open;
      if (open) await finish(tx, open, AttemptStatus.EXPIRED);
      const now = new Date();
      if (now < exam.opensAt || now >= exam.closesAt) throw ruleRefusal('考试不在开放时间内。', 'learning.window', SOURCE);
      const sat = await tx.count(Attempt, { exam: exam.id, member: member.id });
      if (sat >= exam.maxAttempts) throw ruleRefusal(`本次考试每人最多参加${exam.maxAttempts}次。`, 'learning.attempts', SOURCE);
      const deadline = new Date(Math.min(now.getTime() + exam.durationMinutes * 60_000, exam.closesAt.getTime()));
      const attempt = tx.create(Attempt, { enterprise: exam.enterprise.id, exam, member, kind: AttemptKind.EXAM, status: AttemptStatus.STARTED, startedAt: now, deadline } as never) as Attempt;
      await tx.flush();
      const paper = await drawPaper(tx, exam.enterprise.id, exam.rules);
      if (paper.length !== exam.rules.reduce((n, r) => n + r.count, 0)) throw conflict('The bank no longer holds enough questions for this exam.', 'examId');
      await writePaper(tx, attempt, paper);
      return attempt;
    });
  } catch (error) {
    // Two starts at once: one draws, the other finds its attempt.
    if (uniqueViolation(error, 'attempt_one_open')) return em.fork().findOneOrFail(Attempt, { exam: examId, member: { user: requireUser(actor.viewer).userId }, status: AttemptStatus.STARTED });
    throw error;
  }
}

/** Five questions to practise: at random from the enterprise's bank, or from one's 错题本. */
export async function startPractice(em: EntityManager, actor: Actor, fromWrongBook: boolean): Promise<Attempt> {
  return em.transactional(async (tx) => {
    const member = await myMember(tx, actor);
    const ids = fromWrongBook
      ? (await tx.execute<{ question_id: number }[]>(`${WRONG_BOOK_SQL} order by random() limit ?`, [member.id, PRACTICE_SIZE])).map((r) => r.question_id)
      : (await tx.execute<{ id: number }[]>(`select id from question where enterprise_id = ? and active order by random() limit ?`, [member.enterprise.id, PRACTICE_SIZE])).map((r) => r.id);
    if (ids.length === 0) throw conflict(fromWrongBook ? 'Your 错题本 is empty.' : 'The bank has no questions yet.', 'fromWrongBook');
    const now = new Date();
    const attempt = tx.create(Attempt, { enterprise: member.enterprise.id, member, kind: AttemptKind.PRACTICE, status: AttemptStatus.STARTED, startedAt: now, deadline: new Date(now.getTime() + PRACTICE_HOURS * 3600_000) } as never) as Attempt;
    await tx.flush();
    await writePaper(tx, attempt, ids.map((questionId) => ({ questionId, points: 1 })));
    return attempt;
  });
}

/** Questions the member last answered wrong (a later right answer takes one out of the book); binds the member. */
export const WRONG_BOOK_SQL = `
  select latest.question_id from (
    select distinct on (i.question_id) i.question_id, i.correct
      from attempt_item i join attempt a on a.id = i.attempt_id
     where a.member_id = ? and a.status <> 'STARTED' and i.correct is not null
     order by i.question_id, a.submitted_at desc, i.id desc
  ) latest where not latest.correct`;

async function ownOpenAttempt(tx: EntityManager, actor: Actor, id: number): Promise<Attempt> {
  const me = requireUser(actor.viewer);
  const attempt = await tx.findOne(Attempt, { id, member: { user: me.userId } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!attempt) throw new AppError(ErrorCode.NOT_FOUND, 'The attempt does not exist.');
  if (attempt.status === AttemptStatus.EXPIRED) throw ruleRefusal('考试时间已到，答卷已自动提交，不能再作答。', 'learning.deadline', SOURCE);
  if (attempt.status !== AttemptStatus.STARTED) throw conflict('The paper has been handed in.', 'id');
  return attempt;
}

/** Saves one answer; after the deadline the paper is handed in as it stands and the answer refused. */
export async function saveAnswer(em: EntityManager, actor: Actor, id: number, position: number, answer: readonly string[]): Promise<Attempt> {
  const result = await em.transactional(async (tx) => {
    const attempt = await ownOpenAttempt(tx, actor, id);
    if (new Date() > attempt.deadline) {
      await finish(tx, attempt, AttemptStatus.EXPIRED);
      return 'late' as const;
    }
    const item = await tx.findOne(AttemptItem, { attempt: attempt.id, position }, { populate: ['question'] });
    if (!item) throw badInput('No such question in the paper.', 'position');
    const question = item.question.getEntity();
    const clean = answer.map((a) => a.trim()).filter(Boolean);
    const wrong = answerShape(question.type, question.options.length, clean);
    if (wrong) throw badInput(wrong, 'answer');
    item.answer = clean.length ? (question.type === QuestionType.MULTIPLE ? [...clean].sort() : clean) : null;
    await tx.flush();
    return attempt;
  });
  if (result === 'late') throw ruleRefusal('考试时间已到，答卷已自动提交，不能再作答。', 'learning.deadline', SOURCE);
  return result;
}

export async function submitAttempt(em: EntityManager, actor: Actor, id: number): Promise<Attempt> {
  return em.transactional(async (tx) => {
    const attempt = await ownOpenAttempt(tx, actor, id);
    await finish(tx, attempt, new Date() >= attempt.deadline ? AttemptStatus.EXPIRED : AttemptStatus.SUBMITTED);
    return attempt;
  });
}

/** Grades a paper on the server and closes it (an expired one as of its deadline). */
export async function finish(tx: EntityManager, attempt: Attempt, status: typeof AttemptStatus.SUBMITTED | typeof AttemptStatus.EXPIRED): Promise<void> {
  const items = await tx.find(AttemptItem, { attempt: attempt.id }, { populate: ['question'] });
  for (const item of items) {
    const q: Question = item.question.getEntity();
    item.correct = isCorrect(q.type, q.answer, item.answer);
  }
  const score = scoreOf(items.map((i) => ({ points: i.points, earned: i.correct ? i.points : 0 })));
  const exam = attempt.exam ? await tx.findOneOrFail(Exam, attempt.exam.id) : null;
  attempt.status = status;
  attempt.submittedAt = status === AttemptStatus.EXPIRED ? attempt.deadline : new Date();
  attempt.score = score.toFixed(1);
  attempt.passed = exam ? score >= exam.passMark : null;
  await tx.flush();
  await award(tx, {
    enterpriseId: attempt.enterprise.id,
    memberId: attempt.member.id,
    action: attempt.kind === AttemptKind.EXAM ? PointAction.EXAM : PointAction.PRACTICE,
    source: `attempt:${attempt.id}`,
    full: score === 100,
    passed: attempt.passed ?? false,
  });
}

/** Hands in every paper past its deadline (a background job and every read); returns how many. */
export async function expireOverdue(em: EntityManager, now = new Date(), limit = 100): Promise<number> {
  return em.transactional(async (tx) => {
    const overdue = await tx.find(Attempt, { status: AttemptStatus.STARTED, deadline: { $lt: now } }, { limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { deadline: 'asc' } });
    for (const attempt of overdue) await finish(tx, attempt, AttemptStatus.EXPIRED);
    return overdue.length;
  });
}
