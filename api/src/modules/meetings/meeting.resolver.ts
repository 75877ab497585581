/** Organisational life in GraphQL: meetings under the read rule in SQL, their roll and record; each step through the services. */
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { attachmentsOf, RecordFileType } from '../media/attachments.js';
import { memberNameById } from '../members/member.access.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { plannedPerSubtree } from '../organizations/subtree-plans.js';
import { decideLeave, markAttendance, requestLeave, signIn, signInByCard } from './attendance.service.js';
import { meetingById, meetingReadFilter } from './meeting.access.js';
import { Meeting, MeetingAttendee, MeetingCorrection, MeetingMotion } from './meeting.entity.js';
import { cancelMeeting, correctMeeting, planMeeting, recordMinutes, reviewMeeting, runs, submitMeeting } from './meeting.service.js';
import { Attendance, EDITABLE, MeetingPhase, MeetingStatus, phaseOf, SIGN_IN_EARLY_MS } from './meeting-types.js';
import {
  MeetingAttendeeType,
  MeetingConnection,
  MeetingCorrectionType,
  MeetingCountsType,
  MeetingFilter,
  MeetingMotionInput,
  MeetingMotionType,
  MeetingNode,
  MeetingPayload,
  MeetingPlanInput,
  MeetingRecordInput,
} from './meeting.types.js';
import { addMotion } from './motion.service.js';

registerNodeType({ typeName: 'Meeting', entity: Meeting, load: (ctx, id) => meetingById(ctx).load(id) });

const rollOf = defineLoader<number, MeetingAttendee[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MeetingAttendee, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (a) => a.meeting.id),
);
const motionsOf = defineLoader<number, MeetingMotion[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MeetingMotion, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (m) => m.meeting.id),
);
const correctionsOf = defineLoader<number, MeetingCorrection[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MeetingCorrection, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (c) => c.meeting.id),
);
/** The caller's own member ids (for their row of a roll). */
const myMemberIds = defineLoader<'me', number[]>(async (ctx, keys) => {
  if (ctx.viewer.kind !== 'user') return keys.map(() => []);
  const rows = await ctx.em.getConnection().execute<{ id: number }[]>('select id from member where user_id = ?', [ctx.viewer.userId]);
  return keys.map(() => rows.map((r) => r.id));
});
/** Whether the caller runs each meeting (its admins, host or recorder): they see the whole roll and the QR code. */
const runsMeeting = defineLoader<number, boolean>(async (ctx, ids) => {
  const meetings = await Promise.all(ids.map((id) => meetingById(ctx).load(id)));
  return Promise.all(meetings.map((m) => (m ? runs(ctx.em, ctx, m) : false)));
});
const readsLifeOf = defineLoader<number, boolean>(async (ctx, ids) =>
  Promise.all(ids.map((id) => can(ctx.em, ctx, 'readOrganizationalLife', Organization, 'Organization', id))),
);

const local = (id: string) => expectGlobalId(id, 'Meeting', 'id');
const member = (id: string, field: string) => expectGlobalId(id, 'Member', field);

@Resolver(() => MeetingNode)
export class MeetingResolver {
  @FieldResolver(() => ID)
  id(@Root() m: Meeting): string {
    return toGlobalId('Meeting', m.id);
  }

  @FieldResolver(() => MeetingPhase, { description: 'The state, with IN_PROGRESS and HELD read from the clock.' })
  status(@Root() m: Meeting): MeetingPhase {
    return phaseOf(m.status, m.startsAt, m.endsAt);
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation holding it.', nullable: true })
  organization(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(m.organization.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The committee the record was submitted to.' })
  reviewer(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Organization | null> {
    return m.reviewer ? organizationById(ctx).load(m.reviewer.id) : Promise.resolve(null);
  }

  @FieldResolver(() => String, { nullable: true, description: '主持人' })
  async hostName(@Root() m: Meeting, @Ctx() ctx: Context): Promise<string | null> {
    return m.host ? memberNameById(ctx).load(m.host.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '记录人' })
  async recorderName(@Root() m: Meeting, @Ctx() ctx: Context): Promise<string | null> {
    return m.recorder ? memberNameById(ctx).load(m.recorder.id) : null;
  }

  @FieldResolver(() => MeetingCountsType, { description: 'Attendance counts.' })
  async counts(@Root() m: Meeting, @Ctx() ctx: Context): Promise<MeetingCountsType> {
    const roll = await rollOf(ctx).load(m.id);
    const came = (a: MeetingAttendee) => a.attendance === Attendance.PRESENT;
    const counted = roll.filter((a) => a.voting && (!a.excused || came(a)));
    const base = roll.filter((a) => !a.excused || came(a));
    return {
      invited: roll.length,
      expected: counted.length,
      present: counted.filter(came).length,
      attended: roll.filter(came).length,
      onLeave: roll.filter((a) => a.attendance === Attendance.ON_LEAVE).length,
      absent: roll.filter((a) => a.attendance === Attendance.ABSENT).length,
      excused: roll.filter((a) => a.excused).length,
      guests: roll.filter((a) => a.guest).length,
      rate: base.length ? Math.round((base.filter(came).length * 100) / base.length) : 0,
    };
  }

  @FieldResolver(() => [MeetingAttendeeType], { description: 'The roll: whole for those who run the meeting or read the organisation’s life; otherwise one’s own row.' })
  async attendees(@Root() m: Meeting, @Ctx() ctx: Context): Promise<MeetingAttendeeType[]> {
    const roll = await rollOf(ctx).load(m.id);
    const whole = (await readsLifeOf(ctx).load(m.organization.id)) || (await runsMeeting(ctx).load(m.id));
    const mine = new Set(await myMemberIds(ctx).load('me'));
    const shown = whole ? roll : roll.filter((a) => mine.has(a.member.id));
    return Promise.all(shown.map((a) => attendeeView(ctx, a)));
  }

  @FieldResolver(() => MeetingAttendeeType, { nullable: true, description: 'Your own row of the roll, if invited.' })
  async myAttendance(@Root() m: Meeting, @Ctx() ctx: Context): Promise<MeetingAttendeeType | null> {
    const mine = new Set(await myMemberIds(ctx).load('me'));
    const row = (await rollOf(ctx).load(m.id)).find((a) => mine.has(a.member.id));
    return row ? attendeeView(ctx, row) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The code in the meeting’s QR image (for those who run it, while sign-in is open or about to be).' })
  async signInCode(@Root() m: Meeting, @Ctx() ctx: Context): Promise<string | null> {
    if (!EDITABLE.includes(m.status) || Date.now() > m.endsAt.getTime() || !(await runsMeeting(ctx).load(m.id))) return null;
    return m.signInToken;
  }

  @FieldResolver(() => Boolean, { description: 'Whether sign-in is open now (30 minutes before the start until the end).' })
  signInOpen(@Root() m: Meeting): boolean {
    const now = Date.now();
    return EDITABLE.includes(m.status) && now >= m.startsAt.getTime() - SIGN_IN_EARLY_MS && now <= m.endsAt.getTime();
  }

  @FieldResolver(() => [MeetingMotionType], { description: 'Matters voted on.' })
  async motions(@Root() m: Meeting, @Ctx() ctx: Context): Promise<MeetingMotionType[]> {
    return (await motionsOf(ctx).load(m.id)).map((x) => ({ ...x, id: toGlobalId('MeetingMotion', x.id) }));
  }

  @FieldResolver(() => [MeetingCorrectionType], { description: 'Corrections appended after approval, oldest first.' })
  corrections(@Root() m: Meeting, @Ctx() ctx: Context): Promise<MeetingCorrection[]> {
    return correctionsOf(ctx).load(m.id);
  }

  @FieldResolver(() => [RecordFileType], { description: 'Photos and files of the record.' })
  attachments(@Root() m: Meeting, @Ctx() ctx: Context): Promise<RecordFileType[]> {
    return attachmentsOf(ctx, m.attachmentIds);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you run this meeting (sign-in by card and ticks, minutes, votes, submission).' })
  canRun(@Root() m: Meeting, @Ctx() ctx: Context): Promise<boolean> {
    return runsMeeting(ctx).load(m.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you review this record (it waits for the committee you keep).' })
  async canReview(@Root() m: Meeting, @Ctx() ctx: Context): Promise<boolean> {
    return m.status === MeetingStatus.UNDER_REVIEW && !!m.reviewer && can(ctx.em, ctx, 'manageOrganizationalLife', Organization, 'Organization', m.reviewer.id);
  }

  @Query(() => MeetingConnection, { description: 'Meetings you read, newest planned first.' })
  async meetings(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Meeting>> {
    const access = meetingReadFilter(ctx);
    const where: FilterQuery<Meeting>[] = access ? [access] : [];
    let planEveryTime = false;
    if (filter?.organizationId) {
      const org = await ctx.em.findOne(Organization, expectGlobalId(filter.organizationId, 'Organization', 'organizationId'));
      where.push(org ? ({ organization: { path: { $like: `${org.path}%` } } } as FilterQuery<Meeting>) : { id: 0 });
      planEveryTime = !!org && plannedPerSubtree(org);
    }
    if (filter?.type) where.push({ type: filter.type });
    if (filter?.mine) {
      const me = ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0;
      where.push({ [raw((a: string) => `exists (select 1 from meeting_attendee x join member m on m.id = x.member_id where x.meeting_id = ${a}.id and m.user_id = ?)`, [me])]: true } as FilterQuery<Meeting>);
    }
    if (filter?.toReview) {
      const orgs = accessibleWhere<Organization>(ctx.ability, 'manageOrganizationalLife', 'Organization');
      where.push(orgs === null ? { id: 0 } : ({ status: MeetingStatus.UNDER_REVIEW, reviewer: isUnrestricted(orgs) ? { $ne: null } : orgs } as FilterQuery<Meeting>));
    }
    return listById(ctx.em, Meeting, access ? { $and: where } : null, { first, after, order: 'desc', planEveryTime });
  }

  @Mutation(() => MeetingPayload, { description: 'Plans a meeting (the organisation’s admins); the invited are told.' })
  meetingPlan(@Arg('input') input: MeetingPlanInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => ({
      meeting: await planMeeting(ctx.em, ctx, {
        ...input,
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        hostMemberId: input.hostMemberId ? member(input.hostMemberId, 'hostMemberId') : null,
        recorderMemberId: input.recorderMemberId ? member(input.recorderMemberId, 'recorderMemberId') : null,
      }),
    }));
  }

  @Mutation(() => MeetingPayload, { description: 'Cancels a meeting that has not begun; the invited are told.' })
  meetingCancel(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => ({ meeting: await cancelMeeting(ctx.em, ctx, local(id), reason) }));
  }

  @Mutation(() => MeetingPayload, { description: 'Signs yourself in during the window: in the workspace, or with the code of the meeting’s QR image.' })
  meetingSignIn(@Arg('id', () => ID) id: string, @Arg('code', () => String, { description: 'The meeting’s code from the room, when signing in by QR.', nullable: true }) code: string | null, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => {
      await signIn(ctx.em, ctx, local(id), code);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'The recorder signs a member in by scanning their e-card (the token or its verification link).' })
  meetingSignInByCard(@Arg('id', () => ID) id: string, @Arg('card', { description: 'The token read from the member’s e-card.' }) card: string, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => {
      const { name } = await signInByCard(ctx.em, ctx, local(id), card);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object, signedIn: name };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'The recorder ticks a member PRESENT, records them ABSENT with the reason, or resets to EXPECTED.' })
  meetingMarkAttendance(
    @Arg('id', () => ID) id: string,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('attendance', () => Attendance, { description: 'How the member attended.' }) attendance: Attendance,
    @Arg('reason', () => String, { description: 'For ABSENT: why.', nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    return mutate(async () => {
      await markAttendance(ctx.em, ctx, local(id), member(memberId, 'memberId'), attendance, reason);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'Asks the host for leave, with the reason.' })
  meetingLeaveRequest(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => {
      await requestLeave(ctx.em, ctx, local(id), reason);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'The host grants or refuses (with a reason) a leave request.' })
  meetingLeaveDecide(
    @Arg('id', () => ID) id: string,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('approve', { description: 'Grant the leave, or refuse it.' }) approve: boolean,
    @Arg('note', () => String, { description: 'A note.', nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    return mutate(async () => {
      await decideLeave(ctx.em, ctx, local(id), member(memberId, 'memberId'), approve, note);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'Records a vote of a 支部党员大会; quorum and majority computed from the roll (ZB 11). A vote on a person is recorded in their development.' })
  meetingMotionAdd(@Arg('id', () => ID) id: string, @Arg('input') input: MeetingMotionInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => {
      await addMotion(ctx.em, ctx, local(id), { ...input, applicantId: input.applicantId ? expectGlobalId(input.applicantId, 'Applicant', 'applicantId') : null });
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }

  @Mutation(() => MeetingPayload, { description: 'Saves the minutes, resolutions and files (until the record is approved).' })
  meetingRecord(@Arg('id', () => ID) id: string, @Arg('input') input: MeetingRecordInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => ({
      meeting: await recordMinutes(ctx.em, ctx, local(id), { ...input, attachmentIds: input.attachmentIds?.map((a) => String(expectGlobalId(a, 'MediaFile', 'attachmentIds'))) ?? null }),
    }));
  }

  @Mutation(() => MeetingPayload, { description: 'Submits the record to the committee above.' })
  meetingSubmit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => ({ meeting: await submitMeeting(ctx.em, ctx, local(id)) }));
  }

  @Mutation(() => MeetingPayload, { description: 'The committee above approves the record (locking it) or returns it with a reason.' })
  meetingReview(@Arg('id', () => ID) id: string, @Arg('approve', { description: 'Approve the record, or return it.' }) approve: boolean, @Arg('note', () => String, { description: 'What to correct (required to return it).', nullable: true }) note: string | null, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => ({ meeting: await reviewMeeting(ctx.em, ctx, local(id), approve, note) }));
  }

  @Mutation(() => MeetingPayload, { description: 'Appends a dated, signed correction to an approved record.' })
  meetingCorrect(@Arg('id', () => ID) id: string, @Arg('body', { description: 'The correction.' }) body: string, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return mutate(async () => {
      await correctMeeting(ctx.em, ctx, local(id), body);
      return { meeting: (await ctx.em.findOneOrFail(Meeting, local(id))) as object };
    });
  }
}

async function attendeeView(ctx: Context, a: MeetingAttendee): Promise<MeetingAttendeeType> {
  return {
    memberId: toGlobalId('Member', a.member.id),
    name: (await memberNameById(ctx).load(a.member.id)) ?? '',
    voting: a.voting,
    guest: a.guest,
    excused: a.excused,
    attendance: a.attendance,
    signedInAt: a.signedInAt,
    signInMethod: a.signInMethod,
    leaveReason: a.leaveReason,
    leaveNote: a.leaveNote,
    absenceReason: a.absenceReason,
  };
}
