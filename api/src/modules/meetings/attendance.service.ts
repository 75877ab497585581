/**
 * Sign-in and leave (§6 b): the member signs in during the meeting's window (in the workspace, or
 * by scanning the meeting's QR code in the room); the recorder scans members' e-cards or ticks
 * names; a member asks for leave with a reason and the host decides; absentees' reasons are kept.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { emit } from '../../core/events/bus.js';
import { cardHolder } from '../cards/card.service.js';
import { Member } from '../members/member.entity.js';
import { ruleRefusal } from '../members/member.rules.js';
import { notify } from '../notifications/notify.js';
import { MeetingAttendee, type Meeting } from './meeting.entity.js';
import { LEAVE_ASKED, meetingLink } from './meeting.notifications.js';
import { assertEditable, assertRuns, loadMeeting, manages } from './meeting.service.js';
import { Attendance, SIGN_IN_EARLY_MS, SignInMethod } from './meeting-types.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** A member was signed into a meeting (once per member and meeting). */
    'meetings.signedIn': { meetingId: number; organizationId: number; enterpriseId: number };
  }
}

const SOURCE = 'DOMAIN-RULES §6 b（签到：本人、扫码、刷电子党员活动证、记录人勾选）';

function assertWindow(meeting: Meeting, now = new Date()): void {
  if (now.getTime() < meeting.startsAt.getTime() - SIGN_IN_EARLY_MS || now > meeting.endsAt) {
    throw ruleRefusal('签到只在会议开始前30分钟至会议结束之间进行。', 'meetings.signInWindow', SOURCE);
  }
}

async function myAttendance(tx: EntityManager, actor: Actor, meeting: Meeting): Promise<MeetingAttendee> {
  const me = requireUser(actor.viewer);
  const mine = await tx.findOne(MeetingAttendee, { meeting: meeting.id, member: { user: me.userId } });
  if (!mine) throw forbidden('You are not invited to this meeting.');
  return mine;
}

/** Marks the attendee present (signing in twice is one sign-in) and tells live screens, at commit. */
async function present(tx: EntityManager, meeting: Meeting, a: MeetingAttendee, method: SignInMethod): Promise<void> {
  if (a.attendance === Attendance.PRESENT) return;
  a.attendance = Attendance.PRESENT;
  a.signedInAt = new Date();
  a.signInMethod = method;
  a.absenceReason = null;
  await emit(tx, { type: 'meetings.signedIn', meetingId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
}

/** The member signs in: in the workspace, or with the meeting's QR code (its token). */
export async function signIn(em: EntityManager, actor: Actor, meetingId: number, token: string | null): Promise<MeetingAttendee> {
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    assertEditable(meeting);
    assertWindow(meeting);
    if (token != null && token !== meeting.signInToken) throw badInput('This QR code is not the meeting’s (or it is an old one).', 'code');
    const mine = await myAttendance(tx, actor, meeting);
    await present(tx, meeting, mine, token != null ? SignInMethod.QR : SignInMethod.SELF);
    await tx.flush();
    return mine;
  });
}

/** The recorder scans a member's e-card (the token, or the verification link it encodes). */
export async function signInByCard(em: EntityManager, actor: Actor, meetingId: number, scanned: string): Promise<{ attendee: MeetingAttendee; name: string }> {
  requireUser(actor.viewer);
  const token = scanned.trim().split('/verify/').pop()!.split(/[?#]/)[0]!;
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    await assertRuns(tx, actor, meeting);
    assertEditable(meeting);
    assertWindow(meeting);
    const { shown, member } = await cardHolder(tx, token);
    if (!member || shown.status !== 'VALID') throw badInput(`The card is not valid (${shown.status}).`, 'card');
    const attendee = await tx.findOne(MeetingAttendee, { meeting: meeting.id, member: member.id });
    if (!attendee) throw badInput(`${member.name}不在本次会议的应到名单中（可记为列席）。`, 'card');
    await present(tx, meeting, attendee, SignInMethod.CARD);
    await tx.flush();
    return { attendee, name: member.name };
  });
}

/** The recorder ticks a name present, or records an absence with its reason (also after the meeting, from paper). */
export async function markAttendance(em: EntityManager, actor: Actor, meetingId: number, memberId: number, attendance: Attendance, reason: string | null): Promise<MeetingAttendee> {
  requireUser(actor.viewer);
  const why = plainText(reason, 'reason', 300) || null;
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    await assertRuns(tx, actor, meeting);
    assertEditable(meeting);
    if (Date.now() < meeting.startsAt.getTime() - SIGN_IN_EARLY_MS) throw conflict('Attendance is taken once the meeting begins.', 'id');
    const attendee = await tx.findOne(MeetingAttendee, { meeting: meeting.id, member: memberId });
    if (!attendee) throw new AppError(ErrorCode.NOT_FOUND, 'The member is not on the meeting’s roll.');
    if (attendance === Attendance.PRESENT) await present(tx, meeting, attendee, SignInMethod.RECORDER);
    else if (attendance === Attendance.ABSENT) {
      if (!why) throw badInput('Give the reason for the absence (or 无故缺席).', 'reason');
      Object.assign(attendee, { attendance: Attendance.ABSENT, absenceReason: why, signedInAt: null, signInMethod: null });
    } else if (attendance === Attendance.EXPECTED) Object.assign(attendee, { attendance: Attendance.EXPECTED, absenceReason: null, signedInAt: null, signInMethod: null });
    else throw badInput('Leave is asked by the member and decided by the host.', 'attendance');
    await tx.flush();
    return attendee;
  });
}

export async function requestLeave(em: EntityManager, actor: Actor, meetingId: number, reason: string): Promise<MeetingAttendee> {
  const why = plainText(reason, 'reason', 300, true);
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    assertEditable(meeting);
    if (new Date() > meeting.endsAt) throw conflict('Leave is asked before the meeting ends.', 'id');
    const mine = await myAttendance(tx, actor, meeting);
    if (mine.attendance === Attendance.PRESENT) throw conflict('You have signed in.', 'id');
    mine.attendance = Attendance.LEAVE_REQUESTED;
    mine.leaveReason = why;
    mine.leaveNote = null;
    await tx.flush();
    const member = await tx.findOneOrFail(Member, mine.member.id);
    const hosts = await tx.getConnection().execute<{ user_id: number }[]>(
      'select user_id from member where id = ? and user_id is not null',
      [meeting.host?.id ?? 0],
      'all',
      tx.getTransactionContext(),
    );
    await notify(tx, { kind: LEAVE_ASKED, params: { name: member.name, topic: meeting.topic, reason: why }, recipients: hosts.map((h) => h.user_id), enterpriseId: meeting.enterprise.id, organizationId: meeting.organization.id, link: meetingLink(meeting.id) });
    return mine;
  });
}

/** The host (or the organisation's admins) grants or refuses a leave request. */
export async function decideLeave(em: EntityManager, actor: Actor, meetingId: number, memberId: number, approve: boolean, note: string | null): Promise<MeetingAttendee> {
  const me = requireUser(actor.viewer);
  const answer = plainText(note, 'note', 300) || null;
  if (!approve && !answer) throw badInput('Say why the leave is refused.', 'note');
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    assertEditable(meeting);
    const host = meeting.host ? await tx.findOne(Member, meeting.host.id) : null;
    if (host?.user?.id !== me.userId && !(await manages(tx, actor, meeting.organization.id))) throw forbidden('The host decides leave requests.');
    const attendee = await tx.findOne(MeetingAttendee, { meeting: meeting.id, member: memberId });
    if (!attendee || attendee.attendance !== Attendance.LEAVE_REQUESTED) throw conflict('No leave request of this member waits.', 'memberId');
    attendee.attendance = approve ? Attendance.ON_LEAVE : Attendance.EXPECTED;
    attendee.leaveNote = answer;
    await tx.flush();
    return attendee;
  });
}
