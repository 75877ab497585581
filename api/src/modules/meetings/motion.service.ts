/**
 * Votes of a 支部党员大会 (ZB 11; DOMAIN-RULES §6 c): 应到 and 实到 come from the roll, never typed —
 * 应到 is the members with a vote, less those the higher organisation excused unless they came;
 * 实到 those of them signed in. The 大会 votes only with more than half of 应到 present, and a
 * motion passes when the yes votes (written opinions included) exceed half of 应到. A vote on a
 * person (admission, 转正) is one motion per person and is recorded in their development record.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, conflict } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { Applicant } from '../development/development.entity.js';
import { recordStep } from '../development/development.service.js';
import type { ConfirmationOutcome } from '../development/stages.js';
import { checkFigures, tally, type VoteFigures } from '../development/vote.js';
import { ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { MeetingAttendee, MeetingMotion } from './meeting.entity.js';
import { assertEditable, assertRuns, chinaDay, loadMeeting, SOURCE } from './meeting.service.js';
import { Attendance, MeetingType, MotionKind } from './meeting-types.js';

export interface MotionInput {
  kind: MotionKind;
  title?: string | null;
  applicantId?: number | null;
  outcome?: ConfirmationOutcome | null;
  extensionMonths?: number | null;
  yes: number;
  no: number;
  abstain: number;
  writtenYes?: number | null;
  writtenNo?: number | null;
  writtenAbstain?: number | null;
  opinions?: string | null;
}

/** 应到 and 实到 from the roll: voting members, the excused left out unless they came. */
export function rollFigures(roll: readonly Pick<MeetingAttendee, 'voting' | 'excused' | 'attendance'>[]): { expected: number; present: number } {
  const counted = roll.filter((a) => a.voting && (!a.excused || a.attendance === Attendance.PRESENT));
  return { expected: counted.length, present: counted.filter((a) => a.attendance === Attendance.PRESENT).length };
}

export async function addMotion(em: EntityManager, actor: Actor, meetingId: number, input: MotionInput): Promise<MeetingMotion> {
  requireUser(actor.viewer);
  const opinions = plainText(input.opinions, 'opinions', 2000) || null;
  const person = input.kind !== MotionKind.GENERAL;
  if (person && input.applicantId == null) throw badInput('A vote on admission or 转正 names the person.', 'applicantId');
  if (!person && input.applicantId != null) throw badInput('A vote on a person is an ADMISSION or CONFIRMATION motion.', 'kind');
  try {
    return await em.transactional(async (tx) => {
      const meeting = await loadMeeting(tx, actor, meetingId);
      await assertRuns(tx, actor, meeting);
      assertEditable(meeting);
      if (meeting.type !== MeetingType.BRANCH_ASSEMBLY) throw badInput('Motions are voted on by a 支部党员大会.', 'id');
      if (meeting.startsAt > new Date()) throw conflict('The vote is recorded once the meeting has begun.', 'id');
      const { expected, present } = rollFigures(await tx.find(MeetingAttendee, { meeting: meeting.id }));
      const figures: VoteFigures = {
        expected,
        present,
        yes: input.yes,
        no: input.no,
        abstain: input.abstain,
        writtenYes: input.writtenYes ?? 0,
        writtenNo: input.writtenNo ?? 0,
        writtenAbstain: input.writtenAbstain ?? 0,
      };
      checkFigures(figures, expected);
      const result = tally(figures);
      if (!result.quorum) throw ruleRefusal(`有表决权的到会人数须超过应到会人数的半数（应到${expected}人，实到${present}人），会议不能表决。`, 'meetings.quorum', SOURCE.quorum);
      let title = plainLine(input.title, 'title', 200);
      let applicant: Applicant | null = null;
      if (person) {
        applicant = await tx.findOne(Applicant, { id: input.applicantId!, organization: meeting.organization.id });
        if (!applicant) throw badInput('The person is developed by this branch.', 'applicantId');
        title ||= input.kind === MotionKind.ADMISSION ? `关于接收${applicant.name}同志为中共预备党员的表决` : `关于${applicant.name}同志预备党员转正的表决`;
      }
      if (!title) throw badInput('What the motion is.', 'title');
      const motion = tx.create(MeetingMotion, {
        enterprise: meeting.enterprise.id,
        meeting,
        kind: input.kind,
        title,
        applicant,
        ...figures,
        opinions,
        passed: result.passed,
      } as never) as MeetingMotion;
      await tx.flush();
      if (applicant) {
        await recordStep(tx, actor, {
          applicantId: applicant.id,
          step: input.kind === MotionKind.ADMISSION ? 'ADMISSION_VOTE' : 'CONFIRMATION_VOTE',
          happenedOn: chinaDay(meeting.startsAt),
          vote: figures,
          writtenOpinions: opinions,
          outcome: input.outcome ?? null,
          extensionMonths: input.extensionMonths ?? null,
          note: `${meeting.topic}（会议记录编号 ${meeting.id}）`,
        });
      }
      recordAudit(tx, actor.viewer, { action: 'meeting.motion', subjectType: 'Meeting', subjectId: meeting.id, organizationId: meeting.organization.id, enterpriseId: meeting.enterprise.id });
      await tx.flush();
      return motion;
    });
  } catch (error) {
    if (uniqueViolation(error, 'meeting_motion_applicant_unique')) throw conflict('This meeting has voted on the person already: one motion per person.', 'applicantId');
    throw error;
  }
}
