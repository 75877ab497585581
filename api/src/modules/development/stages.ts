/**
 * 发展党员 as a state machine (DOMAIN-RULES §3 c): the stages an applicant passes, the steps a
 * branch or its committee records, which step may follow which stage and where it leads. Pure;
 * the rules that block or warn are in rules.ts.
 */

export const DevelopmentStage = {
  APPLICANT: 'APPLICANT', // 入党申请人
  TALKED: 'TALKED', // 已谈话
  ACTIVIST: 'ACTIVIST', // 入党积极分子
  CANDIDATE: 'CANDIDATE', // 发展对象
  PRE_REVIEW: 'PRE_REVIEW', // 支委会审查通过, 报党委预审
  FORM_ISSUED: 'FORM_ISSUED', // 预审通过, 已领《入党志愿书》
  PENDING_APPROVAL: 'PENDING_APPROVAL', // 支部大会通过, 待党委审批
  PROBATIONARY: 'PROBATIONARY', // 预备党员
  CONFIRMATION_PENDING: 'CONFIRMATION_PENDING', // 支部大会讨论转正后, 待党委审批
  FULL: 'FULL', // 正式党员
  DISQUALIFIED: 'DISQUALIFIED', // 取消预备党员资格
  REJECTED: 'REJECTED', // 不予发展
  WITHDRAWN: 'WITHDRAWN', // 本人撤回 / 已移除
  MOVED: 'MOVED', // 转出 (materials follow the person)
} as const;
export type DevelopmentStage = (typeof DevelopmentStage)[keyof typeof DevelopmentStage];

export const DevelopmentStep = {
  APPLICATION: 'APPLICATION', // 1 递交入党申请书
  TALK: 'TALK', // 2 谈话
  ACTIVIST: 'ACTIVIST', // 3–5 确定入党积极分子, 备案, 培养联系人
  REPORT: 'REPORT', // 思想汇报
  ASSESSMENT: 'ASSESSMENT', // 6 半年考察
  CANDIDATE: 'CANDIDATE', // 7–8 确定发展对象 (公示)
  INTRODUCERS: 'INTRODUCERS', // 9 确定入党介绍人
  POLITICAL_REVIEW: 'POLITICAL_REVIEW', // 10 政治审查
  TRAINING: 'TRAINING', // 11 集中培训
  COMMITTEE_REVIEW: 'COMMITTEE_REVIEW', // 12 支委会审查
  PRE_REVIEW: 'PRE_REVIEW', // 13–14 党委预审, 填写志愿书
  ADMISSION_VOTE: 'ADMISSION_VOTE', // 15 支部大会讨论接收
  UPPER_TALK: 'UPPER_TALK', // 16 党委派人谈话
  APPROVAL: 'APPROVAL', // 17–18 党委审批
  OATH: 'OATH', // 20 入党宣誓
  CONFIRMATION_APPLICATION: 'CONFIRMATION_APPLICATION', // 22 转正申请 (公示)
  CONFIRMATION_VOTE: 'CONFIRMATION_VOTE', // 23 支部大会讨论转正
  CONFIRMATION_APPROVAL: 'CONFIRMATION_APPROVAL', // 24 党委审批转正
  ARCHIVE: 'ARCHIVE', // 25 材料归档
  REJECT: 'REJECT', // 不予发展
  WITHDRAW: 'WITHDRAW', // 撤回
  MOVE: 'MOVE', // 转出
} as const;
export type DevelopmentStep = (typeof DevelopmentStep)[keyof typeof DevelopmentStep];

/** The 转正 decision of the 大会 (DZ 7). */
export const ConfirmationOutcome = { CONFIRM: 'CONFIRM', EXTEND: 'EXTEND', DISQUALIFY: 'DISQUALIFY' } as const;
export type ConfirmationOutcome = (typeof ConfirmationOutcome)[keyof typeof ConfirmationOutcome];

const S = DevelopmentStage;

/** The stages before the person is a member: any of them may end in REJECT, WITHDRAW or MOVE. */
export const PRE_MEMBER: readonly DevelopmentStage[] = [S.APPLICANT, S.TALKED, S.ACTIVIST, S.CANDIDATE, S.PRE_REVIEW, S.FORM_ISSUED, S.PENDING_APPROVAL];
/** The stages with continued education: reports and half-yearly assessments are recorded in them. */
const EDUCATED: readonly DevelopmentStage[] = [S.ACTIVIST, S.CANDIDATE, S.PRE_REVIEW, S.FORM_ISSUED, S.PENDING_APPROVAL, S.PROBATIONARY];

export interface StepRule {
  from: readonly DevelopmentStage[];
  /** Where a passed step leads; absent: the stage stays (a record within it). */
  to?: DevelopmentStage;
  /** Decided by the 基层党委 above the branch, so recorded by its admins. */
  byCommittee?: boolean;
  label: string;
}

export const STEPS: Record<Exclude<DevelopmentStep, 'APPLICATION'>, StepRule> = {
  TALK: { from: [S.APPLICANT], to: S.TALKED, label: '谈话' },
  ACTIVIST: { from: [S.TALKED], to: S.ACTIVIST, label: '确定为入党积极分子' },
  REPORT: { from: EDUCATED, label: '思想汇报' },
  ASSESSMENT: { from: EDUCATED, label: '考察' },
  CANDIDATE: { from: [S.ACTIVIST], to: S.CANDIDATE, label: '确定为发展对象' },
  INTRODUCERS: { from: [S.CANDIDATE], label: '确定入党介绍人' },
  POLITICAL_REVIEW: { from: [S.CANDIDATE], label: '政治审查' },
  TRAINING: { from: [S.ACTIVIST, S.CANDIDATE], label: '集中培训' },
  COMMITTEE_REVIEW: { from: [S.CANDIDATE], to: S.PRE_REVIEW, label: '支委会审查' },
  PRE_REVIEW: { from: [S.PRE_REVIEW], to: S.FORM_ISSUED, byCommittee: true, label: '党委预审' },
  ADMISSION_VOTE: { from: [S.FORM_ISSUED], to: S.PENDING_APPROVAL, label: '支部大会讨论接收' },
  UPPER_TALK: { from: [S.PENDING_APPROVAL], byCommittee: true, label: '党委派人谈话' },
  APPROVAL: { from: [S.PENDING_APPROVAL], to: S.PROBATIONARY, byCommittee: true, label: '党委审批' },
  OATH: { from: [S.PROBATIONARY], label: '入党宣誓' },
  CONFIRMATION_APPLICATION: { from: [S.PROBATIONARY], label: '转正申请' },
  CONFIRMATION_VOTE: { from: [S.PROBATIONARY], to: S.CONFIRMATION_PENDING, label: '支部大会讨论转正' },
  CONFIRMATION_APPROVAL: { from: [S.CONFIRMATION_PENDING], to: S.FULL, byCommittee: true, label: '党委审批转正' },
  ARCHIVE: { from: [S.FULL, S.DISQUALIFIED], label: '材料归档' },
  REJECT: { from: PRE_MEMBER, to: S.REJECTED, label: '不予发展' },
  WITHDRAW: { from: PRE_MEMBER, to: S.WITHDRAWN, label: '撤回' },
  MOVE: { from: PRE_MEMBER, to: S.MOVED, label: '转出' },
};

export const STAGE_LABEL: Record<DevelopmentStage, string> = {
  APPLICANT: '入党申请人',
  TALKED: '已谈话',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PRE_REVIEW: '待党委预审',
  FORM_ISSUED: '已领志愿书',
  PENDING_APPROVAL: '待党委审批',
  PROBATIONARY: '预备党员',
  CONFIRMATION_PENDING: '转正待审批',
  FULL: '正式党员',
  DISQUALIFIED: '取消预备党员资格',
  REJECTED: '不予发展',
  WITHDRAWN: '已撤回',
  MOVED: '已转出',
};

/** The stages the board shows as columns (the open ones), in order. */
export const OPEN_STAGES: readonly DevelopmentStage[] = [...PRE_MEMBER, S.PROBATIONARY, S.CONFIRMATION_PENDING];

/** Whether `step` may be recorded for an applicant at `stage`. */
export const mayRecord = (step: Exclude<DevelopmentStep, 'APPLICATION'>, stage: DevelopmentStage) => STEPS[step].from.includes(stage);

const DAY_MS = 86_400_000;

/** The same day `months` later (31 January + 1 month = 28/29 February). */
export function monthsLater(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export const daysLater = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
