/** The e-handbook, suggestions and help given in GraphQL: each read under its rule in SQL. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { AppError, badInput, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Grade } from '../appraisals/stages.js';
import { memberNameById, memberReadFilter } from '../members/member.access.js';
import { Member } from '../members/member.entity.js';
import { chinaToday, pastDate } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Attendance, MeetingType } from '../meetings/meeting-types.js';
import { HelpGiven, Suggestion } from './handbook.entity.js';
import { handbookOf, OFFLINE_STUDY } from './handbook.service.js';
import { hoursOf } from '../learning/course.service.js';
import { HelpGivenInput, HelpGivenPayload, MemberHandbookType, SuggestionConnection, SuggestionNode, SuggestionPayload } from './handbook.types.js';
import { answersFor, answerSuggestion, makeSuggestion, suggestionReadFilter } from './suggestion.service.js';

const STUDY_TARGET = 32;

const suggestionById = defineLoader<number, Suggestion | null>(async (ctx, ids) => {
  const access = suggestionReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Suggestion, { $and: [{ id: { $in: [...ids] } }, access] }), (s) => s.id) : ids.map(() => null);
});
registerNodeType({ typeName: 'Suggestion', entity: Suggestion, load: (ctx, id) => suggestionById(ctx).load(id) });

/** The caller's own record, for "my handbook": the one in good standing, else the newest. */
async function myMember(em: EntityManager, actor: Actor): Promise<Member | null> {
  if (actor.viewer.kind !== 'user') return null;
  return (await em.findOne(Member, { user: actor.viewer.userId, status: 'NORMAL' })) ?? em.findOne(Member, { user: actor.viewer.userId }, { orderBy: { id: 'desc' } });
}

@Resolver(() => SuggestionNode)
export class SuggestionResolver {
  @FieldResolver(() => ID)
  id(@Root() s: Suggestion): string {
    return toGlobalId('Suggestion', s.id);
  }

  @FieldResolver(() => String, { description: 'Who made it.' })
  async memberName(@Root() s: Suggestion, @Ctx() ctx: Context): Promise<string> {
    return (await memberNameById(ctx).load(s.member.id)) ?? '';
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may answer it (the branch’s secretary or admins, while unanswered).' })
  async canAnswer(@Root() s: Suggestion, @Ctx() ctx: Context): Promise<boolean> {
    return !s.answer && answersFor(ctx.em, ctx, s.organization.id);
  }

  @Query(() => SuggestionConnection, { description: '意见建议 you read: your own, and those to the branches you keep or lead as secretary; newest first.' })
  suggestions(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unanswered', () => Boolean, { description: 'Only those not yet answered.', nullable: true }) unanswered: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Suggestion>> {
    const access = suggestionReadFilter(ctx);
    const where: FilterQuery<Suggestion> | null = access ? (unanswered ? { $and: [access, { answer: null }] } : access) : null;
    return listById(ctx.em, Suggestion, where, { first, after, order: 'desc' });
  }

  @Mutation(() => SuggestionPayload, { description: 'Makes a suggestion to your branch; its secretary and admins are told.' })
  suggestionMake(@Arg('body', { description: 'The suggestion.' }) body: string, @Ctx() ctx: Context): Promise<SuggestionPayload> {
    return mutate(async () => ({ suggestion: await makeSuggestion(ctx.em, ctx, body) }));
  }

  @Mutation(() => SuggestionPayload, { description: 'Answers a suggestion (the branch’s secretary or admins); the member is told.' })
  suggestionAnswer(@Arg('id', () => ID) id: string, @Arg('answer', { description: 'The answer.' }) answer: string, @Ctx() ctx: Context): Promise<SuggestionPayload> {
    return mutate(async () => ({ suggestion: await answerSuggestion(ctx.em, ctx, expectGlobalId(id, 'Suggestion', 'id'), answer) }));
  }
}

@Resolver()
export class HandbookResolver {
  @Query(() => MemberHandbookType, { nullable: true, description: '党员电子手册 for a year: yours by default, or a member whose record you read.' })
  async memberHandbook(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Arg('memberId', () => ID, { nullable: true }) memberId: string | null, @Ctx() ctx: Context): Promise<MemberHandbookType | null> {
    if (!Number.isInteger(year) || year < 2000 || year > Number(chinaToday().slice(0, 4))) throw badInput('A year up to this one.', 'year');
    const access = memberReadFilter(ctx);
    const member = memberId ? (access ? await ctx.em.findOne(Member, { $and: [{ id: expectGlobalId(memberId, 'Member', 'memberId') }, access] }) : null) : await myMember(ctx.em, ctx);
    if (!member) return null;
    const org = await ctx.em.findOneOrFail(Organization, member.organization.id);
    const book = await handbookOf(ctx.em, member.id, year);
    const done = (a: string) => a === 'PRESENT';
    return {
      name: member.name,
      organizationName: org.name,
      year,
      meetings: book.meetings.map((m) => ({ ...m, meetingId: toGlobalId('Meeting', m.meetingId), type: m.type as MeetingType, attendance: m.attendance as Attendance })),
      attended: book.meetings.filter((m) => done(m.attendance)).length,
      missed: book.meetings.filter((m) => m.attendance === 'ABSENT' || m.attendance === 'EXPECTED' || m.attendance === 'LEAVE_REQUESTED').length,
      onLeave: book.meetings.filter((m) => m.attendance === 'ON_LEAVE').length,
      offlineStudyHours: book.meetings.filter((m) => done(m.attendance) && OFFLINE_STUDY.includes(m.type)).reduce((n, m) => n + m.hours, 0),
      onlineStudyHours: (await hoursOf(ctx.em, [member.id], year)).get(member.id)!.online,
      studyTarget: STUDY_TARGET,
      dues: book.dues,
      honours: book.honours,
      careReceived: book.careReceived,
      helpGiven: book.helpGiven.map((h) => ({ ...h, kind: h.kind as HelpGivenInput['kind'] })),
      talks: book.talks,
      suggestions: book.suggestions.map((s) => Object.assign(new Suggestion(), { ...s, member: { id: member.id }, organization: member.organization })),
      appraisalGrade: book.appraisalGrade as Grade | null,
    };
  }

  @Mutation(() => HelpGivenPayload, { description: 'Records 党员帮扶 given: by the member themself, or the admins who keep their record.' })
  helpGivenRecord(@Arg('input') input: HelpGivenInput, @Ctx() ctx: Context): Promise<HelpGivenPayload> {
    return mutate(async () => {
      const me = requireUser(ctx.viewer);
      const helped = plainLine(input.helped, 'helped', 100, true);
      const note = plainText(input.note, 'note', 500) || null;
      const on = pastDate(input.happenedOn, 'happenedOn');
      await ctx.em.transactional(async (tx) => {
        const access = memberReadFilter(ctx);
        const member = input.memberId ? (access ? await tx.findOne(Member, { $and: [{ id: expectGlobalId(input.memberId, 'Member', 'memberId') }, access] }) : null) : await myMember(tx, ctx);
        if (!member) throw new AppError(ErrorCode.NOT_FOUND, 'The member record does not exist.');
        if (member.user?.id !== me.userId && !(await can(tx, ctx, 'manageMemberRecords', Organization, 'Organization', member.organization.id))) throw forbidden('The member, or the admins who keep the record.');
        tx.create(HelpGiven, { enterprise: member.enterprise.id, member, kind: input.kind, helped, happenedOn: on, note, recordedBy: me.userId } as never);
        await tx.flush();
      });
      return { ok: true };
    }) as Promise<HelpGivenPayload>;
  }
}
