/**
 * The rules of 发展党员 (DOMAIN-RULES §3): hard rules refuse a step, naming the rule and its
 * source; soft rules let it through with a warning kept on the record. Pure — the service hands
 * in the applicant's dates and the enterprise's LOCAL settings. Article numbers appear only
 * where DOMAIN-RULES marks them verified.
 */
import { ruleRefusal } from '../members/member.rules.js';
import { DevelopmentStage, DevelopmentStep, monthsLater, daysLater } from './stages.js';

export const SOURCE = {
  talk: '《中国共产党发展党员工作细则》第七条',
  activistGap: '发展党员工作细则；间隔为本企业设置（LOCAL）',
  activistYear: '《中国共产党发展党员工作细则》第十三条',
  introducers: '《中国共产党章程》第五条；发展党员工作细则',
  politicalReview: '《中国共产党发展党员工作细则》（政治审查）；有效期为本企业设置（LOCAL）',
  training: '《中国共产党发展党员工作细则》（集中培训不少于三天或二十四学时）',
  notice: '发展党员公示制度；公示期为本企业设置（LOCAL），按国家工作日历计算',
  vote: '《中国共产党支部工作条例（试行）》第十一条',
  voteWithinMonth: '预审通过后一个月内召开支部大会（LOCAL）',
  approval: '《中国共产党发展党员工作细则》（党委三个月内审批，最长不超过六个月）',
  probation: '《中国共产党章程》第七条',
  archive: '转正后材料及时归档（LOCAL）',
} as const;

export interface Settings {
  monthsToActivist: number;
  politicalReviewValidMonths: number;
  archiveDays: number;
}

export interface ApplicantDates {
  stage: DevelopmentStage;
  appliedOn: string;
  activistOn: string | null;
  politicalReviewOn: string | null;
  trainingHours: number;
  trainingDays: number;
  introducers: number;
  noticeEndsOn: string | null;
  noticeFor: DevelopmentStage | null;
  preReviewedOn: string | null;
  votedOn: string | null;
  probationEndsOn: string | null;
  probationExtended: boolean;
  confirmedOn: string | null;
  lastAssessedOn: string | null;
}

export interface Warning {
  rule: string;
  message: string;
  source: string;
}

/** Throws the first hard rule the step breaks. */
export function checkHardRules(step: DevelopmentStep, a: ApplicantDates, on: string, s: Settings, extra: { extensionMonths?: number | null; outcome?: string | null } = {}): void {
  switch (step) {
    case 'ACTIVIST': {
      const from = monthsLater(a.appliedOn, s.monthsToActivist);
      if (on < from) throw ruleRefusal(`递交入党申请书满${s.monthsToActivist}个月后方可确定为入党积极分子（${from}起）。`, 'development.monthsToActivist', SOURCE.activistGap);
      return;
    }
    case 'CANDIDATE': {
      const from = monthsLater(a.activistOn!, 12);
      if (on < from) throw ruleRefusal(`入党积极分子经过一年以上培养教育和考察方可列为发展对象（${a.activistOn}确定为积极分子，${from}起可列为发展对象）。`, 'development.activistOneYear', SOURCE.activistYear);
      return;
    }
    case 'COMMITTEE_REVIEW': {
      noticeOver(a, DevelopmentStage.CANDIDATE, on);
      if (!a.politicalReviewOn) throw ruleRefusal('未经政治审查或政治审查不合格的，不能发展入党。', 'development.politicalReview', SOURCE.politicalReview);
      const validUntil = monthsLater(a.politicalReviewOn, s.politicalReviewValidMonths);
      if (on > validUntil) throw ruleRefusal(`政治审查已超过${s.politicalReviewValidMonths}个月有效期（${a.politicalReviewOn}），须重新审查。`, 'development.politicalReview', SOURCE.politicalReview);
      if (a.trainingHours < 24 && a.trainingDays < 3) throw ruleRefusal(`发展对象须经集中培训，时间不少于三天或二十四学时（现为${a.trainingHours}学时、${a.trainingDays}天）。`, 'development.training', SOURCE.training);
      if (a.introducers < 2) throw ruleRefusal('发展对象须有两名正式党员作入党介绍人。', 'development.introducers', SOURCE.introducers);
      return;
    }
    case 'APPROVAL': {
      const limit = monthsLater(a.votedOn!, 6);
      if (on > limit) throw ruleRefusal(`支部大会通过后党委审批最长不超过六个月（${limit}止）；逾期须重新履行接收程序。`, 'development.approvalWithinSixMonths', SOURCE.approval);
      return;
    }
    case 'CONFIRMATION_VOTE': {
      if (on < a.probationEndsOn!) throw ruleRefusal(`预备期未满（至${a.probationEndsOn}），不能讨论转正。`, 'development.probationOneYear', SOURCE.probation);
      noticeOver(a, DevelopmentStage.PROBATIONARY, on);
      if (extra.outcome === 'EXTEND') {
        if (a.probationExtended) throw ruleRefusal('预备期只能延长一次，最长不超过一年。', 'development.extension', SOURCE.probation);
        const months = extra.extensionMonths ?? 0;
        if (!Number.isInteger(months) || months < 6 || months > 12) throw ruleRefusal('延长预备期为六个月至一年。', 'development.extension', SOURCE.probation);
      }
      return;
    }
    default:
      return;
  }
}

function noticeOver(a: ApplicantDates, stage: DevelopmentStage, on: string): void {
  if (a.noticeFor !== stage || !a.noticeEndsOn) {
    const what = stage === DevelopmentStage.CANDIDATE ? '发展对象' : '转正';
    throw ruleRefusal(`${what}须经公示，公示期满后方可进行下一步。`, 'development.notice', SOURCE.notice);
  }
  if (on <= a.noticeEndsOn) throw ruleRefusal(`公示期至${a.noticeEndsOn}，期满后方可进行下一步。`, 'development.notice', SOURCE.notice);
}

/** The soft rules the step breaks: it is recorded, with these warnings. */
export function softWarnings(step: DevelopmentStep, a: ApplicantDates, on: string, s: Settings): Warning[] {
  const warnings: Warning[] = [];
  const late = (limit: string | null, rule: string, message: string, source: string) => {
    if (limit && on > limit) warnings.push({ rule, message, source });
  };
  if (step === 'TALK') late(monthsLater(a.appliedOn, 1), 'development.talkWithinMonth', '谈话晚于收到入党申请书后一个月。', SOURCE.talk);
  if (step === 'ADMISSION_VOTE' && a.preReviewedOn) late(monthsLater(a.preReviewedOn, 1), 'development.voteWithinMonth', '支部大会晚于预审通过后一个月。', SOURCE.voteWithinMonth);
  if ((step === 'APPROVAL' || step === 'CONFIRMATION_APPROVAL') && a.votedOn) late(monthsLater(a.votedOn, 3), 'development.approvalWithinThreeMonths', '党委审批晚于支部大会后三个月。', SOURCE.approval);
  if (step === 'ARCHIVE' && a.confirmedOn) late(daysLater(a.confirmedOn, s.archiveDays), 'development.archive', `材料晚于转正后${s.archiveDays}天归档。`, SOURCE.archive);
  return warnings;
}

export interface Due {
  what: string;
  on: string;
  /** Past due and not done: the board shows it in red. */
  overdue: boolean;
}

/** What the applicant's stage waits for, and by when. */
export function nextDue(a: ApplicantDates, s: Settings, today: string): Due | null {
  const due = (what: string, on: string, canBeLate = true): Due => ({ what, on, overdue: canBeLate && today > on });
  switch (a.stage) {
    case 'APPLICANT':
      return due('谈话', monthsLater(a.appliedOn, 1));
    case 'TALKED':
      return due('可确定为入党积极分子', monthsLater(a.appliedOn, s.monthsToActivist), false);
    case 'ACTIVIST': {
      const assessment = monthsLater(a.lastAssessedOn ?? a.activistOn!, 6);
      const eligible = monthsLater(a.activistOn!, 12);
      return today <= eligible || assessment < eligible ? due('半年考察', assessment) : due('可列为发展对象', eligible, false);
    }
    case 'CANDIDATE':
      return a.noticeEndsOn && a.noticeFor === 'CANDIDATE' && today <= a.noticeEndsOn ? due('公示期满', a.noticeEndsOn, false) : null;
    case 'FORM_ISSUED':
      return a.preReviewedOn ? due('支部大会讨论接收', monthsLater(a.preReviewedOn, 1)) : null;
    case 'PENDING_APPROVAL':
    case 'CONFIRMATION_PENDING':
      return a.votedOn ? due('党委审批', monthsLater(a.votedOn, 3)) : null;
    case 'PROBATIONARY':
      return a.probationEndsOn ? due('预备期满，讨论转正', a.probationEndsOn) : null;
    default:
      return null;
  }
}
