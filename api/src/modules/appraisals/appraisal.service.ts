/**
 * A round of 民主评议党员, step by step: opened by the branch's admins with its members; each
 * member's self-assessment; signed comments of peers; one anonymous ballot per member (the grades
 * stored apart from the fact of voting, in shuffled order); the committee's proposal and the
 * assembly's decision, each within the ⅓ cap on 优秀; publication to the branch.
 */
import { randomInt } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingStatus, MeetingType } from '../meetings/meeting-types.js';
import { chinaToday, ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { notify } from '../notifications/notify.js';
import { Organization } from '../organizations/organization.entity.js';
import { roundReadFilter } from './appraisal.access.js';
import { AppraisalComment, AppraisalRound, AppraisalSubject, AppraisalVoted } from './appraisal.entity.js';
import { APPRAISAL_OPENED, APPRAISAL_PUBLISHED, roundLink } from './appraisal.notifications.js';
import { AppraisalStage, excellentCap, Grade, GRADE_LABEL, nextStage, SOURCE, STAGE_LABEL } from './stages.js';

const manages = (tx: EntityManager, actor: Actor, organizationId: number) => can(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', organizationId);

async function loadRound(tx: EntityManager, actor: Actor, id: number): Promise<AppraisalRound> {
  const access = roundReadFilter(actor);
  const round = access ? await tx.findOne(AppraisalRound, { $and: [{ id }, access] }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!round) throw new AppError(ErrorCode.NOT_FOUND, 'The round of 民主评议 does not exist.');
  return round;
}

async function assertManages(tx: EntityManager, actor: Actor, round: AppraisalRound): Promise<void> {
  if (!(await manages(tx, actor, round.organization.id))) throw forbidden('The branch’s admins run the 民主评议.');
}

function assertStage(round: AppraisalRound, ...stages: AppraisalStage[]): void {
  if (!stages.includes(round.stage)) {
    throw ruleRefusal(`民主评议当前处于“${STAGE_LABEL[round.stage]}”阶段，不能办理此事项。`, 'appraisals.stage', SOURCE);
  }
}

/** The caller's subject row in the round: they are appraised in it. */
async function mySubject(tx: EntityManager, actor: Actor, round: AppraisalRound): Promise<AppraisalSubject> {
  const me = requireUser(actor.viewer);
  const mine = await tx.findOne(AppraisalSubject, { round: round.id, member: { user: me.userId } });
  if (!mine) throw forbidden('Only the members appraised in the round take part.');
  return mine;
}

async function subjectUsers(tx: EntityManager, roundId: number): Promise<number[]> {
  const rows = await tx.execute<{ user_id: number }[]>(
    'select m.user_id from appraisal_subject s join member m on m.id = s.member_id where s.round_id = ? and m.user_id is not null',
    [roundId],
  );
  return rows.map((r) => r.user_id);
}

export async function openRound(em: EntityManager, actor: Actor, organizationId: number, year: number): Promise<AppraisalRound> {
  const me = requireUser(actor.viewer);
  const thisYear = Number(chinaToday().slice(0, 4));
  if (!Number.isInteger(year) || year < thisYear - 1 || year > thisYear) throw badInput(`The year appraised: ${thisYear - 1} or ${thisYear}.`, 'year');
  try {
    return await em.transactional(async (tx) => {
      const branch = await tx.findOne(Organization, { id: organizationId, level: 'BRANCH' });
      if (!branch) throw badInput('民主评议 is held by a 党支部.', 'organizationId');
      if (!(await manages(tx, actor, branch.id))) throw forbidden('The branch’s admins open its 民主评议.');
      const round = tx.create(AppraisalRound, { enterprise: branch.enterprise.id, organization: branch, year, stage: AppraisalStage.SELF, openedBy: me.userId } as never) as AppraisalRound;
      await tx.flush();
      const inserted = await tx.execute<{ n: number }[]>(
        `with s as (insert into appraisal_subject (enterprise_id, round_id, member_id)
                    select m.enterprise_id, ?, m.id from member m join organization o on o.id = m.organization_id
                     where o.path like ? and m.status = 'NORMAL' returning 1)
         select count(*)::int as n from s`,
        [round.id, `${branch.path}%`],
      );
      if ((inserted[0]?.n ?? 0) < 2) throw badInput('民主评议 needs at least two members in the branch.', 'organizationId');
      recordAudit(tx, actor.viewer, { action: 'appraisal.open', subjectType: 'AppraisalRound', subjectId: round.id, organizationId: branch.id, enterpriseId: branch.enterprise.id });
      await tx.flush();
      await notify(tx, { kind: APPRAISAL_OPENED, params: { branch: branch.name, year: String(year) }, recipients: await subjectUsers(tx, round.id), enterpriseId: branch.enterprise.id, organizationId: branch.id, link: roundLink(round.id) });
      return round;
    });
  } catch (error) {
    if (uniqueViolation(error, 'appraisal_round_unique')) throw conflict(`The branch’s 民主评议 for ${year} is open already.`, 'year');
    throw error;
  }
}

export async function writeSelfAssessment(em: EntityManager, actor: Actor, roundId: number, text: string): Promise<AppraisalRound> {
  const body = plainText(text, 'text', 5000, true);
  return em.transactional(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    assertStage(round, AppraisalStage.SELF, AppraisalStage.PEER);
    (await mySubject(tx, actor, round)).selfAssessment = body;
    await tx.flush();
    return round;
  });
}

export async function addComment(em: EntityManager, actor: Actor, roundId: number, memberId: number, text: string): Promise<AppraisalRound> {
  const body = plainText(text, 'text', 1000, true);
  return em.transactional(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    assertStage(round, AppraisalStage.PEER);
    const mine = await mySubject(tx, actor, round);
    if (mine.member.id === memberId) throw badInput('互评 is of the others; your own is the self-assessment.', 'memberId');
    const subject = await tx.findOne(AppraisalSubject, { round: round.id, member: memberId });
    if (!subject) throw badInput('The member is not appraised in this round.', 'memberId');
    tx.create(AppraisalComment, { enterprise: round.enterprise.id, subject, by: mine.member.id, body } as never);
    await tx.flush();
    return round;
  });
}

export interface GradeEntry {
  memberId: number;
  grade: Grade;
  note?: string | null;
}

/**
 * One anonymous ballot: a grade for every other member of the round. The fact of voting and the
 * grades are written to tables with no link between them, the grades in shuffled order.
 */
export async function castBallot(em: EntityManager, actor: Actor, roundId: number, entries: readonly GradeEntry[]): Promise<AppraisalRound> {
  try {
    return await em.transactional(async (tx) => {
      const round = await loadRound(tx, actor, roundId);
      assertStage(round, AppraisalStage.BALLOT);
      const mine = await mySubject(tx, actor, round);
      const others = (await tx.find(AppraisalSubject, { round: round.id, member: { $ne: mine.member.id } })).map((s) => ({ id: s.id, memberId: s.member.id }));
      const given = new Map(entries.map((e) => [e.memberId, e.grade]));
      if (given.size !== entries.length || given.size !== others.length || others.some((o) => !given.has(o.memberId))) {
        throw badInput(`A ballot grades each of the ${others.length} other members once (not oneself).`, 'grades');
      }
      tx.create(AppraisalVoted, { enterprise: round.enterprise.id, round, member: mine.member.id } as never);
      await tx.flush();
      const shuffled = [...others];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      await tx.execute(
        `insert into appraisal_ballot (enterprise_id, subject_id, grade) select ?, b.subject_id, b.grade from jsonb_to_recordset(?::jsonb) as b(subject_id int, grade text)`,
        [round.enterprise.id, JSON.stringify(shuffled.map((o) => ({ subject_id: o.id, grade: given.get(o.memberId) })))],
      );
      return round;
    });
  } catch (error) {
    if (uniqueViolation(error, 'appraisal_voted_pkey')) throw ruleRefusal('每名党员在一次民主测评中只能投票一次。', 'appraisals.voteOnce', SOURCE);
    throw error;
  }
}

function checkCap(subjects: readonly AppraisalSubject[], gradeOf: (s: AppraisalSubject) => Grade | null): void {
  const cap = excellentCap(subjects.length);
  const excellent = subjects.filter((s) => gradeOf(s) === Grade.EXCELLENT).length;
  if (excellent > cap) {
    throw ruleRefusal(`评为优秀的党员不能超过参评党员的三分之一（参评${subjects.length}人，至多${cap}人，现为${excellent}人）。`, 'appraisals.excellentCap', SOURCE);
  }
}

/** The committee's proposal (支委会评定意见), member by member; the cap holds on the whole. */
export async function propose(em: EntityManager, actor: Actor, roundId: number, entries: readonly GradeEntry[]): Promise<AppraisalRound> {
  return em.transactional(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    await assertManages(tx, actor, round);
    assertStage(round, AppraisalStage.COMMITTEE_PROPOSAL);
    const subjects = await tx.find(AppraisalSubject, { round: round.id });
    for (const e of entries) {
      const s = subjects.find((x) => x.member.id === e.memberId);
      if (!s) throw badInput('The member is not appraised in this round.', 'grades');
      s.proposedGrade = e.grade;
      s.proposalNote = plainText(e.note, 'note', 500) || null;
    }
    checkCap(subjects, (s) => s.proposedGrade);
    await tx.flush();
    return round;
  });
}

/** The assembly's decision (支部党员大会评定); 不合格 carries its follow-up. */
export async function decide(em: EntityManager, actor: Actor, roundId: number, entries: readonly GradeEntry[], meetingId: number | null): Promise<AppraisalRound> {
  return em.transactional(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    await assertManages(tx, actor, round);
    assertStage(round, AppraisalStage.ASSEMBLY);
    if (meetingId != null) {
      const meeting = await tx.findOne(Meeting, { id: meetingId, organization: round.organization.id, type: { $in: [MeetingType.BRANCH_ASSEMBLY, MeetingType.APPRAISAL] }, status: { $ne: MeetingStatus.CANCELLED } });
      if (!meeting || meeting.startsAt > new Date()) throw badInput('The 支部党员大会 (or 民主评议 meeting) of this branch that decided, once held.', 'meetingId');
      round.meeting = tx.getReference(Meeting, meeting.id, { wrapped: true });
    }
    const subjects = await tx.find(AppraisalSubject, { round: round.id });
    for (const e of entries) {
      const s = subjects.find((x) => x.member.id === e.memberId);
      if (!s) throw badInput('The member is not appraised in this round.', 'grades');
      const followUp = plainText(e.note, 'note', 500) || null;
      if (e.grade === Grade.UNQUALIFIED && !followUp) throw badInput(`评为${GRADE_LABEL.UNQUALIFIED}的党员须记录处置措施（教育帮助、限期改正或组织处置）。`, 'grades');
      s.grade = e.grade;
      s.followUp = e.grade === Grade.UNQUALIFIED ? followUp : null;
    }
    checkCap(subjects, (s) => s.grade);
    recordAudit(tx, actor.viewer, { action: 'appraisal.decide', subjectType: 'AppraisalRound', subjectId: round.id, organizationId: round.organization.id, enterpriseId: round.enterprise.id });
    await tx.flush();
    return round;
  });
}

/** Moves the round on; the proposal and the decision must be complete before it leaves them. */
export async function advance(em: EntityManager, actor: Actor, roundId: number): Promise<AppraisalRound> {
  return em.transactional(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    await assertManages(tx, actor, round);
    const next = nextStage(round.stage);
    if (!next) throw conflict('The 民主评议 is published.', 'id');
    const subjects = await tx.find(AppraisalSubject, { round: round.id });
    if (round.stage === AppraisalStage.COMMITTEE_PROPOSAL && subjects.some((s) => !s.proposedGrade)) throw conflict('The committee proposes a grade for every member first.', 'id');
    if (round.stage === AppraisalStage.ASSEMBLY && subjects.some((s) => !s.grade)) throw conflict('The assembly decides a grade for every member first.', 'id');
    round.stage = next;
    if (next === AppraisalStage.PUBLISHED) round.publishedAt = new Date();
    recordAudit(tx, actor.viewer, { action: `appraisal.${next.toLowerCase()}`, subjectType: 'AppraisalRound', subjectId: round.id, organizationId: round.organization.id, enterpriseId: round.enterprise.id });
    await tx.flush();
    if (next === AppraisalStage.PUBLISHED) {
      const branch = await tx.findOneOrFail(Organization, round.organization.id);
      await notify(tx, { kind: APPRAISAL_PUBLISHED, params: { branch: branch.name, year: String(round.year) }, recipients: await subjectUsers(tx, round.id), enterpriseId: round.enterprise.id, organizationId: branch.id, link: roundLink(round.id) });
    }
    return round;
  });
}
