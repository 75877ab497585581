/**
 * A meeting's life: planned (the roll derived, the invited told), cancelled, recorded (minutes,
 * resolutions, files), submitted to the committee above, returned or approved — then locked, with
 * corrections appended and signed. Each write authorised, audited, in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { emit } from '../../core/events/bus.js';
import { approvedEvent } from './meeting.webhooks.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { sanitiseRichText } from '../content/sanitize.js';
import { adminsAbove } from '../identity/admins-above.js';
import { User } from '../identity/user.entity.js';
import { checkAttachments } from '../media/attachments.js';
import { ruleRefusal } from '../members/member.rules.js';
import { notify } from '../notifications/notify.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { meetingReadFilter } from './meeting.access.js';
import { Meeting, MeetingCorrection } from './meeting.entity.js';
import { CANCELLED, INVITED, meetingLink, RECORD_REVIEWED, RECORD_SUBMITTED } from './meeting.notifications.js';
import { HELD_BY, MEETING_LABEL, MeetingStatus, MeetingType } from './meeting-types.js';
import { invitedRoll } from './roll.js';

export const SOURCE = {
  quorum: 'DOMAIN-RULES §6 a，中国共产党支部工作条例（试行）第十一条',
  locked: 'DOMAIN-RULES §6 c（审核通过的记录锁定，更正以追加方式记载）',
  review: 'DOMAIN-RULES §6 b（暂存 → 待审核 → 通过/退回）',
};

const MAX_HOURS = 12;
const MAX_MINUTES_CHARS = 100_000;
const MAX_FILES = 30;

/** The day in China a meeting is held on. */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export const manages = (tx: EntityManager, actor: Actor, organizationId: number) => can(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', organizationId);

/** Loads a meeting the caller reads (locked for the write), or NOT_FOUND. */
export async function loadMeeting(tx: EntityManager, actor: Actor, id: number, lock = true): Promise<Meeting> {
  const access = meetingReadFilter(actor);
  const meeting = access ? await tx.findOne(Meeting, { $and: [{ id }, access] }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
  if (!meeting) throw new AppError(ErrorCode.NOT_FOUND, 'The meeting does not exist.');
  return meeting;
}

/** Whether the caller is the 组长 of a 党小组 (who convenes and chairs its 小组会, ZB 13). */
export async function leadsGroup(tx: EntityManager, actor: Actor, organizationId: number): Promise<boolean> {
  if (actor.viewer.kind !== 'user') return false;
  const [row] = await tx.getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from member_post p join member m on m.id = p.member_id where p.organization_id = ? and p.post = 'GROUP_LEADER' and p.ended_on is null and m.user_id = ?`,
    [organizationId, actor.viewer.userId],
    'all',
    tx.getTransactionContext(),
  );
  return (row?.n ?? 0) > 0;
}

/** Whether the caller runs the meeting: the organisation's admins, its host or recorder, or the 组长 for a 小组会. */
export async function runs(tx: EntityManager, actor: Actor, meeting: Meeting): Promise<boolean> {
  if (actor.viewer.kind !== 'user') return false;
  const me = actor.viewer.userId;
  const people = [meeting.host?.id, meeting.recorder?.id].filter((id): id is number => id != null);
  if (people.length) {
    const [row] = await tx.getConnection().execute<{ n: number }[]>('select count(*)::int as n from member where id = any(?::int[]) and user_id = ?', [`{${people.join(',')}}`, me], 'all', tx.getTransactionContext());
    if ((row?.n ?? 0) > 0) return true;
  }
  if (meeting.type === MeetingType.GROUP && (await leadsGroup(tx, actor, meeting.organization.id))) return true;
  return manages(tx, actor, meeting.organization.id);
}

export async function assertRuns(tx: EntityManager, actor: Actor, meeting: Meeting): Promise<void> {
  if (!(await runs(tx, actor, meeting))) throw forbidden('The organisation’s admins, the host or the recorder run the meeting.');
}

export interface PlanInput {
  organizationId: number;
  type: MeetingType;
  alsoCountsAs?: MeetingType[] | null;
  topic: string;
  agenda?: string | null;
  startsAt: Date;
  endsAt: Date;
  place?: string | null;
  onlineLink?: string | null;
  hostMemberId?: number | null;
  recorderMemberId?: number | null;
  lecturer?: string | null;
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput('When the meeting starts.', 'startsAt');
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) throw badInput('The end comes after the start.', 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_HOURS * 3600_000) throw badInput(`A meeting lasts at most ${MAX_HOURS} hours.`, 'endsAt');
  const year = 366 * 24 * 3600_000;
  if (Math.abs(startsAt.getTime() - Date.now()) > 2 * year) throw badInput('A meeting within two years of today.', 'startsAt');
}

function onlineLinkOf(raw: string | null | undefined): string | null {
  const link = plainLine(raw, 'onlineLink', 500);
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw badInput('An https:// address of the online meeting.', 'onlineLink');
  }
  if (url.protocol !== 'https:') throw badInput('An https:// address of the online meeting.', 'onlineLink');
  return url.toString();
}

export async function planMeeting(em: EntityManager, actor: Actor, input: PlanInput): Promise<Meeting> {
  const me = requireUser(actor.viewer);
  const topic = plainLine(input.topic, 'topic', 200, true);
  const agenda = plainText(input.agenda, 'agenda', 5000);
  const place = plainLine(input.place, 'place', 200) || null;
  const onlineLink = onlineLinkOf(input.onlineLink);
  const lecturer = plainLine(input.lecturer, 'lecturer', 100) || null;
  if (!place && !onlineLink) throw badInput('Where: a place, or the link of an online meeting.', 'place');
  checkTimes(input.startsAt, input.endsAt);
  return em.transactional(async (tx) => {
    const org = await tx.findOne(Organization, input.organizationId);
    if (!org) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
    const plans = (await manages(tx, actor, org.id)) || (input.type === MeetingType.GROUP && (await leadsGroup(tx, actor, org.id)));
    if (!plans) throw forbidden('The organisation’s admins plan its meetings (the 组长 plans a 小组会).');
    if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
    if (!HELD_BY[input.type].includes(org.level)) throw badInput(`A ${MEETING_LABEL[input.type]} is not held by this kind of organisation.`, 'type');
    const also = [...new Set(input.alsoCountsAs ?? [])].filter((t) => t !== input.type);
    for (const t of also) if (!HELD_BY[t].includes(org.level)) throw badInput(`This organisation holds no ${MEETING_LABEL[t]}.`, 'alsoCountsAs');
    const roll = await invitedRoll(tx, org, input.type, chinaDay(input.startsAt));
    if (roll.length === 0) throw badInput('Nobody to invite: the organisation has no members (or its committee no post holders).', 'organizationId');
    const onRoll = (id: number | null | undefined, field: string) => {
      if (id == null) return null;
      if (!roll.some((r) => r.memberId === id && !r.guest)) throw badInput('The host and the recorder are members invited to the meeting.', field);
      return id;
    };
    const meeting = tx.create(Meeting, {
      enterprise: org.enterprise.id,
      organization: org,
      type: input.type,
      alsoCountsAs: also,
      topic,
      agenda,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place,
      onlineLink,
      host: onRoll(input.hostMemberId, 'hostMemberId'),
      recorder: onRoll(input.recorderMemberId, 'recorderMemberId'),
      lecturer,
      status: MeetingStatus.PLANNED,
      signInToken: randomBytes(16).toString('base64url').slice(0, 22),
      createdBy: me.userId,
    } as never) as Meeting;
    await tx.flush();
    await tx.getConnection().execute(
      `insert into meeting_attendee (enterprise_id, meeting_id, member_id, voting, guest, excused)
       select ?, ?, r.member_id, r.voting, r.guest, r.excused from jsonb_to_recordset(?::jsonb) as r(member_id int, voting boolean, guest boolean, excused boolean)`,
      [org.enterprise.id, meeting.id, JSON.stringify(roll.map((r) => ({ member_id: r.memberId, voting: r.voting, guest: r.guest, excused: r.excused })))],
      'run',
      tx.getTransactionContext(),
    );
    recordAudit(tx, actor.viewer, { action: 'meeting.plan', subjectType: 'Meeting', subjectId: meeting.id, organizationId: org.id, enterpriseId: org.enterprise.id });
    await tx.flush();
    // Records of meetings already held are entered without telling anyone.
    if (input.startsAt > new Date()) {
      await notify(tx, {
        kind: INVITED,
        params: { type: MEETING_LABEL[input.type], topic, when: chinaTime(input.startsAt), where: place ?? '线上会议' },
        recipients: await invitedUsers(tx, meeting.id),
        enterpriseId: org.enterprise.id,
        organizationId: org.id,
        link: meetingLink(meeting.id),
      });
    }
    return meeting;
  });
}

async function invitedUsers(tx: EntityManager, meetingId: number): Promise<number[]> {
  const rows = await tx.getConnection().execute<{ user_id: number }[]>(
    'select m.user_id from meeting_attendee a join member m on m.id = a.member_id where a.meeting_id = ? and m.user_id is not null',
    [meetingId],
    'all',
    tx.getTransactionContext(),
  );
  return rows.map((r) => r.user_id);
}

export async function cancelMeeting(em: EntityManager, actor: Actor, id: number, reason: string): Promise<Meeting> {
  requireUser(actor.viewer);
  const why = plainText(reason, 'reason', 500, true);
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, id);
    if (!(await manages(tx, actor, meeting.organization.id))) throw forbidden('The organisation’s admins cancel its meetings.');
    if (meeting.status !== MeetingStatus.PLANNED || meeting.startsAt <= new Date()) throw conflict('Only a meeting that has not begun can be cancelled.', 'id');
    meeting.status = MeetingStatus.CANCELLED;
    meeting.cancelReason = why;
    recordAudit(tx, actor.viewer, { action: 'meeting.cancel', subjectType: 'Meeting', subjectId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
    await tx.flush();
    await notify(tx, {
      kind: CANCELLED,
      params: { type: MEETING_LABEL[meeting.type], topic: meeting.topic, when: chinaTime(meeting.startsAt), reason: why },
      recipients: await invitedUsers(tx, meeting.id),
      enterpriseId: meeting.enterprise.id,
      organizationId: meeting.organization.id,
      link: meetingLink(meeting.id),
    });
    return meeting;
  });
}

/** Refuses a write to a record the committee approved: it is locked, corrections are appended. */
export function assertEditable(meeting: Meeting): void {
  if (meeting.status === MeetingStatus.APPROVED || meeting.status === MeetingStatus.UNDER_REVIEW) {
    throw ruleRefusal(
      meeting.status === MeetingStatus.APPROVED ? '会议记录已审核通过并锁定，不能修改，只能追加更正说明。' : '会议记录正在审核中，退回后才能修改。',
      'meetings.recordLocked',
      SOURCE.locked,
    );
  }
  if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting was cancelled.', 'id');
}

export interface MinutesInput {
  minutes: string;
  resolutions?: string | null;
  guests?: string | null;
  attachmentIds?: string[] | null;
}

export async function recordMinutes(em: EntityManager, actor: Actor, id: number, input: MinutesInput): Promise<Meeting> {
  requireUser(actor.viewer);
  if (input.minutes.length > MAX_MINUTES_CHARS) throw badInput(`At most ${MAX_MINUTES_CHARS} characters.`, 'minutes');
  if ((input.resolutions ?? '').length > MAX_MINUTES_CHARS) throw badInput(`At most ${MAX_MINUTES_CHARS} characters.`, 'resolutions');
  const minutes = sanitiseRichText(input.minutes);
  if (!minutes.text.trim()) throw badInput('The minutes say what was discussed.', 'minutes');
  const resolutions = sanitiseRichText(input.resolutions ?? '');
  const guests = plainLine(input.guests, 'guests', 500) || null;
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, id);
    await assertRuns(tx, actor, meeting);
    assertEditable(meeting);
    if (meeting.startsAt > new Date()) throw conflict('The minutes are written once the meeting has begun.', 'id');
    // Files already on the record stay without a new check; those added are checked for the caller.
    const wanted = [...new Set(input.attachmentIds ?? [])];
    const kept = wanted.filter((id) => meeting.attachmentIds.includes(id));
    const added = await checkAttachments(tx, actor, meeting.enterprise.id, wanted.filter((id) => !kept.includes(id)), MAX_FILES - kept.length);
    meeting.attachmentIds = [...kept, ...added];
    meeting.minutes = minutes.html;
    meeting.resolutions = resolutions.html;
    meeting.guests = guests;
    if (meeting.status === MeetingStatus.PLANNED) meeting.status = MeetingStatus.RECORDED;
    recordAudit(tx, actor.viewer, { action: 'meeting.record', subjectType: 'Meeting', subjectId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
    await tx.flush();
    return meeting;
  });
}

/** Sends the record to the committee above; a root committee's own record is approved at once. */
export async function submitMeeting(em: EntityManager, actor: Actor, id: number): Promise<Meeting> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, id);
    await assertRuns(tx, actor, meeting);
    if (meeting.status !== MeetingStatus.RECORDED && meeting.status !== MeetingStatus.RETURNED) {
      throw conflict(meeting.status === MeetingStatus.PLANNED ? 'Record the minutes first.' : 'The record has been submitted already.', 'id');
    }
    // Submitting closes the sign-in, whatever the planned end.
    if (meeting.startsAt > new Date()) throw conflict('The record is submitted once the meeting has been held.', 'id');
    const org = await tx.findOneOrFail(Organization, meeting.organization.id);
    const reviewer = await committeeAbove(tx, org);
    meeting.reviewer = reviewer ? tx.getReference(Organization, reviewer.id, { wrapped: true }) : null;
    meeting.submittedAt = new Date();
    meeting.reviewNote = null;
    meeting.status = reviewer ? MeetingStatus.UNDER_REVIEW : MeetingStatus.APPROVED;
    if (!reviewer) meeting.approvedAt = new Date();
    recordAudit(tx, actor.viewer, { action: 'meeting.submit', subjectType: 'Meeting', subjectId: meeting.id, organizationId: org.id, enterpriseId: meeting.enterprise.id });
    await tx.flush();
    if (!reviewer) await emit(tx, approvedEvent(meeting));
    if (reviewer) {
      await notify(tx, {
        kind: RECORD_SUBMITTED,
        params: { organization: org.name, type: MEETING_LABEL[meeting.type], topic: meeting.topic },
        recipients: await adminsAbove(tx, reviewer.id),
        enterpriseId: meeting.enterprise.id,
        organizationId: reviewer.id,
        link: meetingLink(meeting.id),
      });
    }
    return meeting;
  });
}

export async function reviewMeeting(em: EntityManager, actor: Actor, id: number, approve: boolean, note: string | null): Promise<Meeting> {
  requireUser(actor.viewer);
  const opinion = plainText(note, 'note', 500) || null;
  if (!approve && !opinion) throw badInput('Say what to correct.', 'note');
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, id);
    if (meeting.status !== MeetingStatus.UNDER_REVIEW || !meeting.reviewer) throw conflict('The record is not waiting for review.', 'id');
    if (!(await manages(tx, actor, meeting.reviewer.id))) {
      const reviewer = await tx.findOneOrFail(Organization, meeting.reviewer.id);
      throw ruleRefusal(`会议记录由${reviewer.name}审核。`, 'meetings.reviewedAbove', SOURCE.review);
    }
    meeting.status = approve ? MeetingStatus.APPROVED : MeetingStatus.RETURNED;
    meeting.reviewNote = opinion;
    if (approve) meeting.approvedAt = new Date();
    recordAudit(tx, actor.viewer, { action: approve ? 'meeting.approve' : 'meeting.return', subjectType: 'Meeting', subjectId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
    await tx.flush();
    if (approve) await emit(tx, approvedEvent(meeting));
    const people = await tx.getConnection().execute<{ user_id: number }[]>(
      'select user_id from member where id = any(?::int[]) and user_id is not null',
      [`{${[meeting.host?.id, meeting.recorder?.id].filter((v) => v != null).join(',')}}`],
      'all',
      tx.getTransactionContext(),
    );
    await notify(tx, {
      kind: RECORD_REVIEWED,
      params: { type: MEETING_LABEL[meeting.type], topic: meeting.topic, outcome: approve ? '审核通过' : '被退回', note: opinion ?? '' },
      recipients: [...people.map((p) => p.user_id), ...(await adminsAbove(tx, meeting.organization.id))],
      enterpriseId: meeting.enterprise.id,
      organizationId: meeting.organization.id,
      link: meetingLink(meeting.id),
    });
    return meeting;
  });
}

/** Appends a dated, signed correction to an approved record. */
export async function correctMeeting(em: EntityManager, actor: Actor, id: number, body: string): Promise<MeetingCorrection> {
  const me = requireUser(actor.viewer);
  const text = plainText(body, 'body', 2000, true);
  return em.transactional(async (tx) => {
    const meeting = await loadMeeting(tx, actor, id);
    if (meeting.status !== MeetingStatus.APPROVED) throw conflict('Corrections are appended to an approved record; until then, edit the minutes.', 'id');
    if (!(await runs(tx, actor, meeting)) && !(meeting.reviewer && (await manages(tx, actor, meeting.reviewer.id)))) throw forbidden('Those who ran the meeting, or its reviewers, correct the record.');
    const user = await tx.findOneOrFail(User, me.userId);
    const correction = tx.create(MeetingCorrection, { enterprise: meeting.enterprise.id, meeting, body: text, signedBy: me.userId, signedName: user.displayName } as never) as MeetingCorrection;
    recordAudit(tx, actor.viewer, { action: 'meeting.correct', subjectType: 'Meeting', subjectId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
    await tx.flush();
    return correction;
  });
}

