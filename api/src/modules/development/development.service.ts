/**
 * Keeping a development (发展党员): the application that opens it, and each step recorded after
 * it — authorised at the branch (or, for the 基层党委's decisions, at the committee above it),
 * checked against the stage and the rules (rules.ts), written with its record, its 公示 and its
 * audit event in one transaction. The approval creates the member record; the 转正 decision
 * changes it.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import type { DisclosureScope } from '../disclosures/disclosure-enums.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { underProbation } from '../members/history.service.js';
import { applicantReadFilter } from './applicant.access.js';
import { Content } from '../content/content.entity.js';
import { Member, MemberCategory, MemberStatus, MemberStatusChange, type Sex } from '../members/member.entity.js';
import { keysFor } from '../members/member.keys.js';
import { chinaToday, pastDate, ruleRefusal, uniqueViolation, yearsLater } from '../members/member.rules.js';
import { parseIdNumber, parseMobile } from '../members/id-number.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { Applicant, DevelopmentRecord } from './development.entity.js';
import { ARCHIVE_DAYS, MONTHS_TO_ACTIVIST, POLITICAL_REVIEW_VALID_MONTHS } from './development.local-rules.js';
import { openNotice, type HeldNotice } from './notice.js';
import { checkHardRules, softWarnings, SOURCE, type ApplicantDates, type Settings, type Warning } from './rules.js';
import { ConfirmationOutcome, DevelopmentStage, DevelopmentStep, mayRecord, monthsLater, STAGE_LABEL, STEPS } from './stages.js';
import { checkAttachments } from '../media/attachments.js';
import { checkFigures, tally, type VoteFigures } from './vote.js';

export interface ApplicantInput {
  organizationId: number;
  name: string;
  idNumber: string;
  ethnicity?: string | null;
  education?: string | null;
  employer?: string | null;
  position?: string | null;
  phone?: string | null;
  appliedOn: string;
  attachmentIds?: string[] | null;
}

export interface StepInput {
  applicantId: number;
  step: Exclude<DevelopmentStep, 'APPLICATION'>;
  happenedOn: string;
  decidedBy?: string | null;
  people?: string | null;
  /** For reviews, pre-reviews and approvals: whether it passed (default yes). */
  passed?: boolean | null;
  contactIds?: number[] | null;
  introducerIds?: number[] | null;
  hours?: number | null;
  days?: number | null;
  vote?: VoteFigures | null;
  writtenOpinions?: string | null;
  outcome?: ConfirmationOutcome | null;
  extensionMonths?: number | null;
  note?: string | null;
  attachmentIds?: string[] | null;
  noticeScope?: DisclosureScope | null;
  /** A 公示 already held, entered from the records. */
  noticeHeld?: HeldNotice | null;
  /** The version the form was loaded at: a step recorded meanwhile by someone else is a conflict. */
  expectedVersion?: number | null;
}

export interface StepResult {
  applicant: Applicant;
  record: DevelopmentRecord;
  warnings: Warning[];
}

/** The branch an applicant is developed by: a 党支部 of the caller's reach. */
async function branchFor(tx: EntityManager, actor: Actor, organizationId: number): Promise<Organization> {
  await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', organizationId, 'The organisation');
  const org = await tx.findOneOrFail(Organization, organizationId);
  if (org.level !== 'BRANCH') throw badInput('An application for membership is made to a 党支部.', 'organizationId');
  if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
  return org;
}

export async function createApplicant(em: EntityManager, actor: Actor, input: ApplicantInput): Promise<StepResult> {
  const me = requireUser(actor.viewer);
  const name = plainLine(input.name, 'name', 50, true);
  const appliedOn = pastDate(input.appliedOn, 'appliedOn');
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw badInput(parsed.reason, 'idNumber');
  // 年满十八岁 (党章第一条): on the day of the application.
  if (yearsLater(parsed.facts.birthDate, 18) > appliedOn) {
    throw ruleRefusal('年满十八岁方可申请加入中国共产党（按身份证号码，申请之日未满十八岁）。', 'development.age18', '《中国共产党章程》第一条');
  }
  const phone = input.phone ? parseMobile(input.phone) : null;
  if (input.phone && !phone) throw badInput('A phone number is a mainland mobile of 11 digits starting 13–19.', 'phone');
  try {
    return await em.transactional(async (tx) => {
      const branch = await branchFor(tx, actor, input.organizationId);
      const keys = keysFor(tx);
      const hash = keys.hash(parsed.value);
      if (await tx.count(Member, { enterprise: branch.enterprise.id, idNumberHash: hash })) throw conflict('This person is a Party member on the enterprise’s records already.', 'idNumber');
      const attachmentIds = await checkAttachments(tx, actor, branch.enterprise.id, input.attachmentIds);
      const applicant = tx.create(Applicant, {
        enterprise: branch.enterprise.id,
        organization: branch.id,
        name,
        sex: parsed.facts.sex as Sex,
        birthDate: parsed.facts.birthDate,
        ethnicity: plainLine(input.ethnicity, 'ethnicity', 20) || null,
        education: plainLine(input.education, 'education', 20) || null,
        employer: plainLine(input.employer, 'employer', 100) || null,
        position: plainLine(input.position, 'position', 50) || null,
        idNumberSealed: keys.seal(parsed.value),
        idNumberHash: hash,
        phoneSealed: phone ? keys.seal(phone) : null,
        stage: DevelopmentStage.APPLICANT,
        stageSince: appliedOn,
        appliedOn,
      } as never) as Applicant;
      await tx.flush();
      const record = tx.create(DevelopmentRecord, { enterprise: branch.enterprise.id, applicant, step: DevelopmentStep.APPLICATION, happenedOn: appliedOn, decidedBy: null, attachmentIds, recordedBy: me.userId } as never) as DevelopmentRecord;
      recordAudit(tx, actor.viewer, { action: 'development.apply', subjectType: 'Applicant', subjectId: applicant.id, organizationId: branch.id, enterpriseId: branch.enterprise.id });
      await tx.flush();
      return { applicant, record, warnings: [] };
    });
  } catch (error) {
    if (uniqueViolation(error, 'applicant_id_number_unique')) throw conflict('This person has an application on the enterprise’s records already.', 'idNumber');
    throw error;
  }
}

/** An applicant the caller reads (refused as such if they may not change it; otherwise not found). */
export async function loadApplicant(tx: EntityManager, actor: Actor, id: number, lock = false): Promise<Applicant> {
  const access = applicantReadFilter(actor);
  const applicant = access ? await tx.findOne(Applicant, { $and: [{ id }, access] }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
  if (!applicant) throw new AppError(ErrorCode.NOT_FOUND, 'The applicant does not exist.');
  return applicant;
}

async function settingsOf(tx: EntityManager, enterpriseId: number): Promise<Settings> {
  const [monthsToActivist, politicalReviewValidMonths, archiveDays] = await Promise.all([
    localRuleValue(tx, enterpriseId, MONTHS_TO_ACTIVIST.key),
    localRuleValue(tx, enterpriseId, POLITICAL_REVIEW_VALID_MONTHS.key),
    localRuleValue(tx, enterpriseId, ARCHIVE_DAYS.key),
  ]);
  return { monthsToActivist, politicalReviewValidMonths, archiveDays };
}

export const datesOf = (a: Applicant): ApplicantDates => ({
  stage: a.stage,
  appliedOn: a.appliedOn,
  activistOn: a.activistOn,
  politicalReviewOn: a.politicalReviewOn,
  trainingHours: a.trainingHours,
  trainingDays: a.trainingDays,
  introducers: [a.introducer1, a.introducer2].filter(Boolean).length,
  noticeEndsOn: a.noticeEndsOn,
  noticeFor: a.noticeFor,
  preReviewedOn: a.preReviewedOn,
  votedOn: a.votedOn,
  probationEndsOn: a.probationEndsOn,
  probationExtended: a.probationExtended,
  confirmedOn: a.confirmedOn,
  lastAssessedOn: a.lastAssessedOn,
});

/** Full members of the enterprise in good standing on a day: who may be 联系人 or 介绍人. */
async function fullMembers(tx: EntityManager, applicant: Applicant, ids: number[], field: string, role: string, on: string, checkProbation: boolean): Promise<Member[]> {
  const members = await tx.find(Member, { id: { $in: ids }, enterprise: applicant.enterprise.id });
  if (members.length !== ids.length) throw badInput(`Every ${role} must be a member on this enterprise’s records.`, field);
  for (const m of members) {
    if (m.category !== MemberCategory.FULL || m.status !== MemberStatus.NORMAL) {
      throw ruleRefusal(`${m.name}不是正式党员（或党籍状态不正常），不能担任${role}。`, field === 'introducerIds' ? 'development.introducerFullMember' : 'development.contactFullMember', SOURCE.introducers);
    }
    if (checkProbation && (await underProbation(tx, m.id, on))) {
      throw ruleRefusal(`${m.name}受留党察看处分、尚未恢复党员权利，不能担任入党介绍人。`, 'development.introducerProbation', SOURCE.introducers);
    }
  }
  return ids.map((id) => members.find((m) => m.id === id)!);
}

/** How many may vote at the branch's 大会: full members in good standing on its roll (groups included). */
async function votingRoll(tx: EntityManager, branch: Organization): Promise<number> {
  const [row] = await tx.getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from member m join organization o on o.id = m.organization_id
      where o.path like ? and m.category = 'FULL' and m.status = 'NORMAL'`,
    [`${branch.path}%`],
    'all',
    tx.getTransactionContext(),
  );
  return row?.n ?? 0;
}

function ids(values: number[] | null | undefined, field: string, min: number, max: number, what: string): number[] {
  const unique = [...new Set(values ?? [])];
  if (unique.length < min || unique.length > max || unique.length !== (values ?? []).length) throw badInput(min === max ? `Name ${min} different ${what}.` : `Name ${min}–${max} different ${what}.`, field);
  return unique;
}

function requireVote(input: StepInput, roll: number): { figures: VoteFigures; result: ReturnType<typeof tally> } {
  if (!input.vote) throw badInput('A 支部大会 records its vote: 应到, 实到, 赞成, 反对, 弃权.', 'vote');
  checkFigures(input.vote, roll);
  const result = tally(input.vote);
  if (!result.quorum) {
    throw ruleRefusal(`有表决权的到会人数须超过应到会人数的半数（应到${input.vote.expected}人，实到${input.vote.present}人），会议不能表决。`, 'development.quorum', SOURCE.vote);
  }
  return { figures: input.vote, result };
}

export async function recordStep(em: EntityManager, actor: Actor, input: StepInput): Promise<StepResult> {
  const me = requireUser(actor.viewer);
  const rule = STEPS[input.step];
  if (!rule) throw badInput('Not a step of 发展党员.', 'step');
  const on = pastDate(input.happenedOn, 'happenedOn');
  const note = input.note ? plainText(input.note, 'note', 1000) || null : null;
  const decidedBy = plainLine(input.decidedBy, 'decidedBy', 100) || null;
  const people = plainLine(input.people, 'people', 200) || null;
  const passed = input.passed ?? true;
  try {
    return await em.transactional(async (tx) => {
      const applicant = await loadApplicant(tx, actor, input.applicantId, true);
      const branch = await tx.findOneOrFail(Organization, applicant.organization.id);
      // The committee's decisions are recorded by its admins; the branch's by the branch's admins and above.
      if (rule.byCommittee) {
        const committee = await committeeAbove(tx, branch);
        if (!committee || !(await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', committee.id))) {
          throw ruleRefusal(`${rule.label}由${committee?.name ?? '上级党委'}决定，由其管理员记录。`, 'development.committeeDecides', SOURCE.approval);
        }
      } else {
        await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', branch.id, 'The applicant');
      }
      if (input.expectedVersion != null && input.expectedVersion !== applicant.version) {
        throw conflict('Someone recorded a step for this applicant meanwhile; reload and try again.', 'expectedVersion');
      }
      if (!mayRecord(input.step, applicant.stage)) {
        throw conflict(`${rule.label} cannot be recorded for an applicant at stage ${STAGE_LABEL[applicant.stage]}.`, 'step');
      }
      if (on < applicant.stageSince) throw badInput(`The step cannot come before the current stage began (${applicant.stageSince}).`, 'happenedOn');
      const settings = await settingsOf(tx, applicant.enterprise.id);
      const dates = datesOf(applicant);
      checkHardRules(input.step, dates, on, settings, { outcome: input.outcome, extensionMonths: input.extensionMonths });
      const warnings = softWarnings(input.step, dates, on, settings);
      const attachmentIds = await checkAttachments(tx, actor, applicant.enterprise.id, input.attachmentIds);
      const record = tx.create(DevelopmentRecord, {
        enterprise: applicant.enterprise.id,
        applicant,
        step: input.step,
        happenedOn: on,
        decidedBy,
        people,
        passed,
        note,
        attachmentIds,
        warnings: warnings.map((w) => w.message),
        recordedBy: me.userId,
      } as never) as DevelopmentRecord;
      const moveTo = (stage: DevelopmentStage) => {
        applicant.stage = stage;
        applicant.stageSince = on;
      };
      /** Opens the 公示 of the stage (or enters the one held) and keeps it on the applicant and the record. */
      const noticeFor = async (stage: DevelopmentStage, kind: 'CANDIDATE' | 'CONFIRMATION') => {
        const notice = await openNotice(tx, actor, applicant, branch, kind, { scope: input.noticeScope, held: input.noticeHeld, decidedOn: on });
        applicant.notice = tx.getReference(Content, notice.content.id, { wrapped: true });
        applicant.noticeEndsOn = notice.last;
        applicant.noticeFor = stage;
        record.notice = applicant.notice;
      };
      const needs = (value: string | null, field: string, what: string) => {
        if (!value) throw badInput(`Record ${what}.`, field);
      };

      switch (input.step) {
        case 'TALK':
          needs(people, 'people', 'who talked with the applicant (谈话人)');
          applicant.talkedOn = on;
          moveTo(DevelopmentStage.TALKED);
          break;
        case 'ACTIVIST': {
          const contacts = await fullMembers(tx, applicant, ids(input.contactIds, 'contactIds', 1, 2, '培养联系人'), 'contactIds', '培养联系人', on, false);
          applicant.contact1 = tx.getReference(Member, contacts[0]!.id, { wrapped: true });
          applicant.contact2 = contacts[1] ? tx.getReference(Member, contacts[1].id, { wrapped: true }) : null;
          record.people = contacts.map((m) => m.name).join('、');
          applicant.activistOn = on;
          applicant.lastAssessedOn = null;
          moveTo(DevelopmentStage.ACTIVIST);
          break;
        }
        case 'REPORT':
        case 'ASSESSMENT':
          needs(note, 'note', input.step === 'REPORT' ? 'what the report says (摘要)' : 'the assessment’s conclusion (考察意见)');
          if (input.step === 'ASSESSMENT') applicant.lastAssessedOn = on;
          break;
        case 'CANDIDATE': {
          applicant.candidateOn = on;
          moveTo(DevelopmentStage.CANDIDATE);
          await noticeFor(DevelopmentStage.CANDIDATE, 'CANDIDATE');
          break;
        }
        case 'INTRODUCERS': {
          const introducers = await fullMembers(tx, applicant, ids(input.introducerIds, 'introducerIds', 2, 2, '入党介绍人'), 'introducerIds', '入党介绍人', on, true);
          applicant.introducer1 = tx.getReference(Member, introducers[0]!.id, { wrapped: true });
          applicant.introducer2 = tx.getReference(Member, introducers[1]!.id, { wrapped: true });
          record.people = introducers.map((m) => m.name).join('、');
          break;
        }
        case 'POLITICAL_REVIEW':
          applicant.politicalReviewOn = passed ? on : null;
          break;
        case 'TRAINING': {
          const hours = input.hours ?? 0;
          const days = input.days ?? 0;
          if (!Number.isInteger(hours) || hours < 0 || hours > 200) throw badInput('Class hours (学时), 0–200.', 'hours');
          if (!Number.isInteger(days) || days < 0 || days > 30) throw badInput('Days of training, 0–30.', 'days');
          if (hours === 0 && days === 0) throw badInput('Record the class hours or the days of the training.', 'hours');
          applicant.trainingHours += hours;
          applicant.trainingDays += days;
          record.hours = hours;
          break;
        }
        case 'COMMITTEE_REVIEW': {
          // The 介绍人 must still qualify on the day of the review.
          const introducerIds = [applicant.introducer1!.id, applicant.introducer2!.id];
          await fullMembers(tx, applicant, introducerIds, 'introducerIds', '入党介绍人', on, true);
          if (!passed) throw badInput('A review that does not pass is recorded as 不予发展 (REJECT) with its reason.', 'passed');
          moveTo(DevelopmentStage.PRE_REVIEW);
          break;
        }
        case 'PRE_REVIEW':
          if (passed) {
            applicant.preReviewedOn = on;
            moveTo(DevelopmentStage.FORM_ISSUED);
          } else {
            needs(note, 'note', 'why the pre-review did not pass');
            moveTo(DevelopmentStage.CANDIDATE);
          }
          break;
        case 'ADMISSION_VOTE': {
          const { figures, result } = requireVote(input, await votingRoll(tx, branch));
          record.vote = { ...figures, quorum: result.quorum, majority: result.majority };
          record.writtenOpinions = input.writtenOpinions ? plainText(input.writtenOpinions, 'writtenOpinions', 2000) || null : null;
          record.passed = result.passed;
          if (result.passed) {
            applicant.admittedOn = on;
            applicant.votedOn = on;
            moveTo(DevelopmentStage.PENDING_APPROVAL);
          }
          break;
        }
        case 'UPPER_TALK':
          needs(people, 'people', 'who talked with the candidate for the committee (谈话人)');
          break;
        case 'APPROVAL':
          if (!passed) {
            needs(note, 'note', 'why the committee did not approve');
            applicant.endReason = note;
            moveTo(DevelopmentStage.REJECTED);
            break;
          }
          applicant.approvedOn = on;
          applicant.probationEndsOn = yearsLater(applicant.admittedOn!, 1);
          applicant.votedOn = null;
          moveTo(DevelopmentStage.PROBATIONARY);
          applicant.member = tx.getReference(Member, (await admitAsMember(tx, applicant, me.userId)).id, { wrapped: true });
          break;
        case 'OATH':
          break;
        case 'CONFIRMATION_APPLICATION': {
          if (applicant.noticeFor === DevelopmentStage.PROBATIONARY && applicant.noticeEndsOn && applicant.noticeEndsOn >= chinaToday()) {
            throw conflict('The 转正 notice is running already.', 'step');
          }
          await noticeFor(DevelopmentStage.PROBATIONARY, 'CONFIRMATION');
          break;
        }
        case 'CONFIRMATION_VOTE': {
          if (!input.outcome) throw badInput('The 大会 decides 转正, 延长预备期 or 取消预备党员资格.', 'outcome');
          const { figures, result } = requireVote(input, await votingRoll(tx, branch));
          record.vote = { ...figures, quorum: result.quorum, majority: result.majority };
          record.writtenOpinions = input.writtenOpinions ? plainText(input.writtenOpinions, 'writtenOpinions', 2000) || null : null;
          record.outcome = input.outcome;
          record.passed = result.passed;
          if (result.passed) {
            applicant.pendingOutcome = input.outcome;
            applicant.pendingExtensionMonths = input.outcome === ConfirmationOutcome.EXTEND ? input.extensionMonths! : null;
            applicant.votedOn = on;
            moveTo(DevelopmentStage.CONFIRMATION_PENDING);
          }
          break;
        }
        case 'CONFIRMATION_APPROVAL': {
          record.outcome = applicant.pendingOutcome;
          if (!passed) {
            needs(note, 'note', 'why the committee did not approve the branch’s decision');
            applicant.pendingOutcome = null;
            applicant.votedOn = null;
            moveTo(DevelopmentStage.PROBATIONARY);
            break;
          }
          await decideConfirmation(tx, applicant, on, me.userId);
          break;
        }
        case 'ARCHIVE':
          applicant.archivedOn = on;
          break;
        case 'REJECT':
        case 'WITHDRAW':
        case 'MOVE':
          needs(note, 'note', 'the reason');
          applicant.endReason = note;
          moveTo(rule.to!);
          break;
      }
      recordAudit(tx, actor.viewer, {
        action: `development.${input.step.toLowerCase()}`,
        subjectType: 'Applicant',
        subjectId: applicant.id,
        organizationId: branch.id,
        enterpriseId: branch.enterprise.id,
        details: { happenedOn: on, stage: applicant.stage, passed: record.passed, ...(warnings.length ? { warnings: warnings.map((w) => w.rule) } : {}) },
      });
      await tx.flush();
      return { applicant, record, warnings };
    });
  } catch (error) {
    if (uniqueViolation(error, 'member_id_number_unique')) throw conflict('This person is a Party member on the enterprise’s records already.', 'applicantId');
    throw error;
  }
}

/** The committee's approval: the person becomes a 预备党员 of the branch, 入党日期 the 大会's day. */
async function admitAsMember(tx: EntityManager, applicant: Applicant, userId: number): Promise<Member> {
  const member = tx.create(Member, {
    enterprise: applicant.enterprise.id,
    organization: applicant.organization.id,
    name: applicant.name,
    sex: applicant.sex,
    birthDate: applicant.birthDate,
    ethnicity: applicant.ethnicity,
    education: applicant.education,
    employer: applicant.employer,
    position: applicant.position,
    idNumberSealed: applicant.idNumberSealed,
    idNumberHash: applicant.idNumberHash,
    phoneSealed: applicant.phoneSealed,
    joinedOn: applicant.admittedOn!,
    confirmedOn: null,
    category: MemberCategory.PROBATIONARY,
    status: MemberStatus.NORMAL,
  } as never) as Member;
  await tx.flush();
  tx.create(MemberStatusChange, { enterprise: applicant.enterprise.id, member, status: MemberStatus.NORMAL, effectiveOn: applicant.admittedOn!, reason: '支部大会接收为预备党员，党委审批', recordedBy: userId });
  return member;
}

/** The committee approves the 大会's 转正 decision: 转正 from the end of the 预备期, an extension, or 取消资格. */
async function decideConfirmation(tx: EntityManager, applicant: Applicant, on: string, userId: number): Promise<void> {
  const member = applicant.member ? await tx.findOneOrFail(Member, applicant.member.id) : null;
  const outcome = applicant.pendingOutcome!;
  applicant.pendingOutcome = null;
  applicant.votedOn = null;
  if (outcome === ConfirmationOutcome.CONFIRM) {
    applicant.confirmedOn = applicant.probationEndsOn;
    applicant.stage = DevelopmentStage.FULL;
    applicant.stageSince = on;
    if (member) Object.assign(member, { category: MemberCategory.FULL, confirmedOn: applicant.probationEndsOn });
  } else if (outcome === ConfirmationOutcome.EXTEND) {
    applicant.probationEndsOn = monthsLater(applicant.probationEndsOn!, applicant.pendingExtensionMonths!);
    applicant.probationExtended = true;
    applicant.noticeFor = null;
    applicant.noticeEndsOn = null;
    applicant.stage = DevelopmentStage.PROBATIONARY;
    applicant.stageSince = on;
  } else {
    applicant.stage = DevelopmentStage.DISQUALIFIED;
    applicant.stageSince = on;
    applicant.endReason = '支部大会决定取消预备党员资格，党委批准';
    if (member) {
      member.status = MemberStatus.DISQUALIFIED;
      tx.create(MemberStatusChange, { enterprise: applicant.enterprise.id, member, status: MemberStatus.DISQUALIFIED, effectiveOn: on, reason: applicant.endReason, recordedBy: userId });
    }
  }
  applicant.pendingExtensionMonths = null;
}
