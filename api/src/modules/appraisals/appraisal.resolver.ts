/** 民主评议 in GraphQL: rounds under the read rule in SQL; what each reader sees of each member; the steps through the service. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { memberNameById } from '../members/member.access.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { roundById, roundReadFilter } from './appraisal.access.js';
import { AppraisalComment, AppraisalRound, AppraisalSubject } from './appraisal.entity.js';
import { addComment, advance, castBallot, decide, openRound, propose, writeSelfAssessment, type GradeEntry } from './appraisal.service.js';
import { AppraisalGradeInput, AppraisalPayload, AppraisalRoundConnection, AppraisalRoundNode, AppraisalSubjectType, AppraisalTallyType } from './appraisal.types.js';
import { AppraisalStage, excellentCap, STAGE_ORDER } from './stages.js';

registerNodeType({ typeName: 'AppraisalRound', entity: AppraisalRound, load: (ctx, id) => roundById(ctx).load(id) });

const subjectsOf = defineLoader<number, AppraisalSubject[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(AppraisalSubject, { round: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (s) => s.round.id),
);
const commentsOf = defineLoader<number, AppraisalComment[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(AppraisalComment, { subject: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (c) => c.subject.id),
);
/** The ballots counted per member and grade, per round (one statement per batch). */
const talliesOf = defineLoader<number, { round_id: number; subject_id: number; grade: string; n: number }[]>(async (ctx, ids) => {
  const rows = await ctx.em.getConnection().execute<{ round_id: number; subject_id: number; grade: string; n: number }[]>(
    `select s.round_id, b.subject_id, b.grade, count(*)::int as n from appraisal_ballot b join appraisal_subject s on s.id = b.subject_id where s.round_id = any(?::int[]) group by 1, 2, 3`,
    [`{${ids.join(',')}}`],
  );
  return groupByKey(ids, rows, (r) => r.round_id);
});
const votedCount = defineLoader<number, number>(async (ctx, ids) => {
  const rows = await ctx.em.getConnection().execute<{ round_id: number; n: number }[]>('select round_id, count(*)::int as n from appraisal_voted where round_id = any(?::int[]) group by 1', [`{${ids.join(',')}}`]);
  return ids.map((id) => rows.find((r) => r.round_id === id)?.n ?? 0);
});
const managesLife = defineLoader<number, boolean>(async (ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'manageOrganizationalLife', Organization, 'Organization', id))));
const readsLife = defineLoader<number, boolean>(async (ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'readOrganizationalLife', Organization, 'Organization', id))));
const myMemberIds = defineLoader<'me', number[]>(async (ctx, keys) => {
  if (ctx.viewer.kind !== 'user') return keys.map(() => []);
  const rows = await ctx.em.getConnection().execute<{ id: number }[]>('select id from member where user_id = ?', [ctx.viewer.userId]);
  return keys.map(() => rows.map((r) => r.id));
});

const local = (id: string) => expectGlobalId(id, 'AppraisalRound', 'id');
const after = (round: AppraisalRound, stage: AppraisalStage) => STAGE_ORDER.indexOf(round.stage) >= STAGE_ORDER.indexOf(stage);
const entries = (grades: AppraisalGradeInput[]): GradeEntry[] => grades.map((g) => ({ memberId: expectGlobalId(g.memberId, 'Member', 'grades'), grade: g.grade, note: g.note }));

@Resolver(() => AppraisalRoundNode)
export class AppraisalResolver {
  @FieldResolver(() => ID)
  id(@Root() r: AppraisalRound): string {
    return toGlobalId('AppraisalRound', r.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The branch appraising its members.', nullable: true })
  organization(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(r.organization.id);
  }

  @FieldResolver(() => Int, { description: 'How many may be graded 优秀: one third of those appraised.' })
  async excellentCap(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<number> {
    return excellentCap((await subjectsOf(ctx).load(r.id)).length);
  }

  @FieldResolver(() => Int, { description: 'Ballots cast so far (never who cast what).' })
  ballotsCast(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<number> {
    return votedCount(ctx).load(r.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you have cast your ballot.' })
  async myBallotCast(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<boolean> {
    const mine = await myMemberIds(ctx).load('me');
    if (mine.length === 0) return false;
    const rows = await ctx.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from appraisal_voted where round_id = ? and member_id = any(?::int[])', [r.id, `{${mine.join(',')}}`]);
    return (rows[0]?.n ?? 0) > 0;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you run this round (the branch’s admins).' })
  canManage(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<boolean> {
    return managesLife(ctx).load(r.organization.id);
  }

  @FieldResolver(() => [AppraisalSubjectType], {
    description: 'The members appraised. Self-assessments and comments to all taking part; tallies and proposals to the admins once the ballot closes; grades to the admins, and to the members once published.',
  })
  async subjects(@Root() r: AppraisalRound, @Ctx() ctx: Context): Promise<AppraisalSubjectType[]> {
    const admin = await readsLife(ctx).load(r.organization.id);
    const mine = new Set(await myMemberIds(ctx).load('me'));
    const subjects = await subjectsOf(ctx).load(r.id);
    const tallies = admin && after(r, AppraisalStage.COMMITTEE_PROPOSAL) ? await talliesOf(ctx).load(r.id) : [];
    const published = r.stage === AppraisalStage.PUBLISHED;
    return Promise.all(
      subjects.map(async (s) => {
        const own = mine.has(s.member.id);
        const count = (grade: string) => tallies.find((t) => t.subject_id === s.id && t.grade === grade)?.n ?? 0;
        const comments = await commentsOf(ctx).load(s.id);
        return {
          memberId: toGlobalId('Member', s.member.id),
          name: (await memberNameById(ctx).load(s.member.id)) ?? '',
          isYou: own,
          selfAssessment: s.selfAssessment,
          comments: await Promise.all(comments.map(async (c) => ({ byName: (await memberNameById(ctx).load(c.by.id)) ?? '', body: c.body, createdAt: c.createdAt }))),
          tally: admin && after(r, AppraisalStage.COMMITTEE_PROPOSAL) ? ({ excellent: count('EXCELLENT'), qualified: count('QUALIFIED'), basic: count('BASIC'), unqualified: count('UNQUALIFIED') } satisfies AppraisalTallyType) : null,
          proposedGrade: admin ? s.proposedGrade : null,
          proposalNote: admin ? s.proposalNote : null,
          grade: admin || published ? s.grade : null,
          followUp: admin || (published && own) ? s.followUp : null,
        };
      }),
    );
  }

  @Query(() => AppraisalRoundConnection, { description: 'Rounds of 民主评议 you read, newest first.' })
  appraisalRounds(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) afterCursor: string | null, @Ctx() ctx: Context): Promise<Connection<AppraisalRound>> {
    return listById(ctx.em, AppraisalRound, roundReadFilter(ctx), { first, after: afterCursor, order: 'desc' });
  }

  @Mutation(() => AppraisalPayload, { description: 'Opens a branch’s 民主评议 for a year (its admins): every member in good standing is appraised and told.' })
  appraisalOpen(@Arg('organizationId', () => ID) organizationId: string, @Arg('year', () => Int, { description: 'The year appraised.' }) year: number, @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await openRound(ctx.em, ctx, expectGlobalId(organizationId, 'Organization', 'organizationId'), year) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'Writes your self-assessment (个人自评), during self- and peer assessment.' })
  appraisalSelfAssess(@Arg('id', () => ID) id: string, @Arg('text', { description: 'Your self-assessment.' }) text: string, @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await writeSelfAssessment(ctx.em, ctx, local(id), text) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'Adds your signed comment on another member (互评).' })
  appraisalComment(@Arg('id', () => ID) id: string, @Arg('memberId', () => ID) memberId: string, @Arg('text', { description: 'The comment.' }) text: string, @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await addComment(ctx.em, ctx, local(id), expectGlobalId(memberId, 'Member', 'memberId'), text) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'Casts your anonymous ballot (民主测评): a grade for every other member, once.' })
  appraisalBallotCast(@Arg('id', () => ID) id: string, @Arg('grades', () => [AppraisalGradeInput], { description: 'Your grade for each member.' }) grades: AppraisalGradeInput[], @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await castBallot(ctx.em, ctx, local(id), entries(grades)) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'The committee’s proposal (支委会评定意见), within the ⅓ cap on 优秀.' })
  appraisalPropose(@Arg('id', () => ID) id: string, @Arg('grades', () => [AppraisalGradeInput], { description: 'The committee’s proposed grades.' }) grades: AppraisalGradeInput[], @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await propose(ctx.em, ctx, local(id), entries(grades)) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'The assembly’s decision (支部党员大会评定), within the ⅓ cap; 不合格 with its follow-up in the note.' })
  appraisalDecide(
    @Arg('id', () => ID) id: string,
    @Arg('grades', () => [AppraisalGradeInput], { description: 'The branch’s grade for each member.' }) grades: AppraisalGradeInput[],
    @Arg('meetingId', () => ID, { description: 'The 支部党员大会 that decided them.', nullable: true }) meetingId: string | null,
    @Ctx() ctx: Context,
  ): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await decide(ctx.em, ctx, local(id), entries(grades), meetingId ? expectGlobalId(meetingId, 'Meeting', 'meetingId') : null) }));
  }

  @Mutation(() => AppraisalPayload, { description: 'Moves the round to its next stage (the branch’s admins); publishing tells the members.' })
  appraisalAdvance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AppraisalPayload> {
    return mutate(async () => ({ round: await advance(ctx.em, ctx, local(id)) }));
  }
}
