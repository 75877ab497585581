/** Online learning in GraphQL: the bank for its keepers, exams and attempts under their read rules in SQL; the key only after hand-in. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { memberNameById } from '../members/member.access.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { saveAnswer, startAttempt, startPractice, submitAttempt, WRONG_BOOK_SQL } from './attempt.service.js';
import { createExam, publishExam, withdrawExam } from './exam.service.js';
import { attemptById, examById, examReadFilter, questionById, questionReadFilter } from './learning.access.js';
import { Attempt, AttemptItem, Exam, Question } from './learning.entity.js';
import {
  AttemptConnection,
  AttemptItemType,
  AttemptNode,
  AttemptPayload,
  ExamConnection,
  ExamInput,
  ExamNode,
  ExamPayload,
  ExamReportType,
  QuestionConnection,
  QuestionInput,
  QuestionNode,
  QuestionPayload,
  ScoreShareType,
  WrongQuestionType,
} from './learning.types.js';
import { createQuestion, withdrawQuestion } from './question.service.js';
import { AttemptStatus, DIMENSION_LABEL, Dimension, QuestionType, type Dimension as DimensionT } from './question-types.js';
import { attemptBreakdown, examReport } from './report.js';

registerNodeType({ typeName: 'Question', entity: Question, load: (ctx, id) => questionById(ctx).load(id) });
registerNodeType({ typeName: 'Exam', entity: Exam, load: (ctx, id) => examById(ctx).load(id) });
registerNodeType({ typeName: 'Attempt', entity: Attempt, load: (ctx, id) => attemptById(ctx).load(id) });

const itemsOf = defineLoader<number, AttemptItem[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(AttemptItem, { attempt: { $in: [...ids] } }, { populate: ['question'], orderBy: { position: 'asc' } }), (i) => i.attempt.id),
);
const myAttemptsOf = defineLoader<number, Attempt[]>(async (ctx, ids) => {
  if (ctx.viewer.kind !== 'user') return ids.map(() => []);
  return groupByKey(ids, await ctx.em.find(Attempt, { exam: { $in: [...ids] }, member: { user: ctx.viewer.userId } }, { orderBy: { id: 'desc' } }), (a) => a.exam!.id);
});
const readsLearning = defineLoader<number, boolean>(async (ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'readLearning', Organization, 'Organization', id))));
const managesLearning = defineLoader<number, boolean>(async (ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'manageLearning', Organization, 'Organization', id))));

const handedIn = (a: Attempt) => a.status !== AttemptStatus.STARTED;
const letters = (raw: string[]) => raw.map((s) => s.trim()).filter(Boolean);

@Resolver(() => QuestionNode)
export class QuestionResolver {
  @FieldResolver(() => ID)
  id(@Root() q: Question): string {
    return toGlobalId('Question', q.id);
  }

  @Query(() => QuestionConnection, { description: 'The question bank (题库) you keep, newest first.' })
  questions(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('type', () => QuestionType, { description: 'Only questions of this kind.', nullable: true }) type: QuestionType | null,
    @Arg('dimension', () => Dimension, { description: 'Only questions of this dimension.', nullable: true }) dimension: DimensionT | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Question>> {
    const access = questionReadFilter(ctx);
    const where: FilterQuery<Question>[] = access ? [access] : [];
    if (type) where.push({ type });
    if (dimension) where.push({ dimension });
    return listById(ctx.em, Question, access ? { $and: where } : null, { first, after, order: 'desc' });
  }

  @Mutation(() => QuestionPayload, { description: 'Adds a question to the bank (the admins who keep learning at the organisation).' })
  questionCreate(@Arg('input') input: QuestionInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return mutate(async () => ({ question: await createQuestion(ctx.em, ctx, { ...input, organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId') }) }));
  }

  @Mutation(() => QuestionPayload, { description: 'Withdraws a question: it is drawn no more; papers that hold it keep it.' })
  questionWithdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return mutate(async () => ({ question: await withdrawQuestion(ctx.em, ctx, expectGlobalId(id, 'Question')) }));
  }
}

@Resolver(() => ExamNode)
export class ExamResolver {
  @FieldResolver(() => ID)
  id(@Root() e: Exam): string {
    return toGlobalId('Exam', e.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation whose members take it.', nullable: true })
  organization(@Root() e: Exam, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(e.organization.id);
  }

  @FieldResolver(() => Int, { description: 'Questions in a paper.' })
  questionCount(@Root() e: Exam): number {
    return e.rules.reduce((n, r) => n + r.count, 0);
  }

  @FieldResolver(() => Boolean, { description: 'Published and within its window now.' })
  open(@Root() e: Exam): boolean {
    const now = new Date();
    return e.status === 'PUBLISHED' && now >= e.opensAt && now < e.closesAt;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you keep this exam.' })
  canManage(@Root() e: Exam, @Ctx() ctx: Context): Promise<boolean> {
    return managesLearning(ctx).load(e.organization.id);
  }

  @FieldResolver(() => [AttemptNode], { description: 'Your attempts, newest first.' })
  myAttempts(@Root() e: Exam, @Ctx() ctx: Context): Promise<Attempt[]> {
    return myAttemptsOf(ctx).load(e.id);
  }

  @FieldResolver(() => ExamReportType, { nullable: true, description: 'For the readers of its organisation’s learning.' })
  async report(@Root() e: Exam, @Ctx() ctx: Context): Promise<ExamReportType | null> {
    if (!(await readsLearning(ctx).load(e.organization.id))) return null;
    const r = await examReport(ctx.em, e.id);
    return { ...r, branches: r.branches.map((b) => ({ ...b, organizationId: toGlobalId('Organization', b.organizationId) })) };
  }

  @FieldResolver(() => AttemptConnection, { nullable: true, description: 'Every attempt, for the readers of its organisation’s learning; newest first.' })
  async attempts(@Root() e: Exam, @Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Attempt> | null> {
    if (!(await readsLearning(ctx).load(e.organization.id))) return null;
    return listById(ctx.em, Attempt, { exam: e.id }, { first, after, order: 'desc' });
  }

  @Query(() => ExamConnection, { description: 'Exams you read: those you keep, and those open to you; newest first.' })
  exams(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Exam>> {
    return listById(ctx.em, Exam, examReadFilter(ctx), { first, after, order: 'desc' });
  }

  @Mutation(() => ExamPayload, { description: 'Sets up an exam as a draft (the admins who keep learning at the organisation).' })
  examCreate(@Arg('input') input: ExamInput, @Ctx() ctx: Context): Promise<ExamPayload> {
    return mutate(async () => ({
      exam: await createExam(ctx.em, ctx, {
        ...input,
        rules: input.rules.map((r) => ({ type: r.type, dimension: r.dimension ?? null, count: r.count, points: r.points })),
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        eligibleOrganizationIds: input.eligibleOrganizationIds?.map((id) => expectGlobalId(id, 'Organization', 'eligibleOrganizationIds')) ?? null,
      }),
    }));
  }

  @Mutation(() => ExamPayload, { description: 'Publishes a draft once the bank can fill every rule.' })
  examPublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExamPayload> {
    return mutate(async () => ({ exam: await publishExam(ctx.em, ctx, expectGlobalId(id, 'Exam')) }));
  }

  @Mutation(() => ExamPayload, { description: 'Withdraws an exam.' })
  examWithdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExamPayload> {
    return mutate(async () => ({ exam: await withdrawExam(ctx.em, ctx, expectGlobalId(id, 'Exam')) }));
  }
}

@Resolver(() => AttemptNode)
export class AttemptResolver {
  @FieldResolver(() => ID)
  id(@Root() a: Attempt): string {
    return toGlobalId('Attempt', a.id);
  }

  @FieldResolver(() => ExamNode, { description: 'The exam; null for practice.', nullable: true })
  exam(@Root() a: Attempt, @Ctx() ctx: Context): Promise<Exam | null> {
    return a.exam ? examById(ctx).load(a.exam.id) : Promise.resolve(null);
  }

  @FieldResolver(() => String, { description: 'Who sat it.' })
  async memberName(@Root() a: Attempt, @Ctx() ctx: Context): Promise<string> {
    return (await memberNameById(ctx).load(a.member.id)) ?? '';
  }

  @FieldResolver(() => Int, { description: 'Seconds left by server time (0 once past or handed in).' })
  secondsLeft(@Root() a: Attempt): number {
    // Rounded up: 0 means the deadline has passed, never that a fraction of a second is left.
    return handedIn(a) ? 0 : Math.max(0, Math.ceil((a.deadline.getTime() - Date.now()) / 1000));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Out of 100, once graded.' })
  score(@Root() a: Attempt): number | null {
    return a.score === null ? null : Number(a.score);
  }

  @FieldResolver(() => [AttemptItemType], { description: 'The paper in its order. The key and explanation only after hand-in.' })
  async items(@Root() a: Attempt, @Ctx() ctx: Context): Promise<AttemptItemType[]> {
    const after = handedIn(a);
    return (await itemsOf(ctx).load(a.id)).map((i) => {
      const q = i.question.getEntity();
      return {
        position: i.position,
        type: q.type,
        stem: q.stem,
        options: q.options,
        points: i.points,
        answer: i.answer,
        correct: after ? i.correct : null,
        correctAnswer: after ? q.answer : null,
        explanation: after ? q.explanation : null,
        dimension: q.dimension,
        topic: q.topic,
      };
    });
  }

  @FieldResolver(() => [ScoreShareType], { description: 'Points by dimension, once graded.' })
  async byDimension(@Root() a: Attempt, @Ctx() ctx: Context): Promise<ScoreShareType[]> {
    if (!handedIn(a)) return [];
    return (await attemptBreakdown(ctx.em, a.id)).byDimension.map((s) => ({ ...s, label: DIMENSION_LABEL[s.key as DimensionT] ?? s.key }));
  }

  @FieldResolver(() => [ScoreShareType], { description: 'Points by 考点, once graded.' })
  async byTopic(@Root() a: Attempt, @Ctx() ctx: Context): Promise<ScoreShareType[]> {
    if (!handedIn(a)) return [];
    return (await attemptBreakdown(ctx.em, a.id)).byTopic.map((s) => ({ ...s, label: s.key }));
  }

  @Query(() => AttemptConnection, { description: 'Your attempts and practices, newest first.' })
  myAttempts(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Attempt>> {
    return listById(ctx.em, Attempt, ctx.viewer.kind === 'user' ? ({ member: { user: ctx.viewer.userId } } as FilterQuery<Attempt>) : null, { first, after, order: 'desc' });
  }

  @Query(() => [WrongQuestionType], { description: 'Your 错题本: the questions you last answered wrong, with key and explanation.' })
  async myWrongQuestions(@Ctx() ctx: Context): Promise<WrongQuestionType[]> {
    if (ctx.viewer.kind !== 'user') return [];
    const member = await ctx.em.findOne(Member, { user: ctx.viewer.userId, status: MemberStatus.NORMAL });
    if (!member) return [];
    const ids = (await ctx.em.execute<{ question_id: number }[]>(`${WRONG_BOOK_SQL} limit 200`, [member.id])).map((r) => r.question_id);
    const questions = ids.length ? await ctx.em.find(Question, { id: { $in: ids } }, { orderBy: { id: 'asc' } }) : [];
    return questions.map((q) => ({ type: q.type, stem: q.stem, options: q.options, correctAnswer: q.answer, explanation: q.explanation, topic: q.topic }));
  }

  @Mutation(() => AttemptPayload, { description: 'Starts an attempt (drawing its paper), or returns the one already open.' })
  attemptStart(@Arg('examId', () => ID, { description: 'The exam.' }) examId: string, @Ctx() ctx: Context): Promise<AttemptPayload> {
    return mutate(async () => ({ attempt: await startAttempt(ctx.em, ctx, expectGlobalId(examId, 'Exam', 'examId')) }));
  }

  @Mutation(() => AttemptPayload, { description: 'Five questions to practise: from the bank (每日答题), or from your 错题本.' })
  practiceStart(@Arg('fromWrongBook', { description: 'Practise the questions you got wrong (错题本), or new ones.', defaultValue: false }) fromWrongBook: boolean, @Ctx() ctx: Context): Promise<AttemptPayload> {
    return mutate(async () => ({ attempt: await startPractice(ctx.em, ctx, fromWrongBook) }));
  }

  @Mutation(() => AttemptPayload, { description: 'Saves one answer (letters, TRUE/FALSE, or the text); refused after the deadline.' })
  attemptAnswer(@Arg('id', () => ID) id: string, @Arg('position', () => Int, { description: 'The question’s place in the paper.' }) position: number, @Arg('answer', () => [String], { description: 'The answer: option letters, or the text for FILL.' }) answer: string[], @Ctx() ctx: Context): Promise<AttemptPayload> {
    return mutate(async () => {
      if (answer.length > 8) throw badInput('At most 8 parts to an answer.', 'answer');
      return { attempt: await saveAnswer(ctx.em, ctx, expectGlobalId(id, 'Attempt'), position, letters(answer)) };
    });
  }

  @Mutation(() => AttemptPayload, { description: 'Hands in the paper; it is graded on the server at once.' })
  attemptSubmit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AttemptPayload> {
    return mutate(async () => ({ attempt: await submitAttempt(ctx.em, ctx, expectGlobalId(id, 'Attempt')) }));
  }
}

