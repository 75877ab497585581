/**
 * 民主评议党员 (DOMAIN-RULES §6 c; ZB 18, EM 18): a yearly round per branch that passes through
 * self-assessment, peer assessment, an anonymous ballot (民主测评), the committee's proposal, the
 * assembly's decision and publication. Grades: 优秀 / 合格 / 基本合格 / 不合格, 优秀 at most ⅓.
 */
export const AppraisalStage = {
  SELF: 'SELF', // 个人自评
  PEER: 'PEER', // 党员互评
  BALLOT: 'BALLOT', // 民主测评 (anonymous)
  COMMITTEE_PROPOSAL: 'COMMITTEE_PROPOSAL', // 支委会提出评定意见
  ASSEMBLY: 'ASSEMBLY', // 支部党员大会评定
  PUBLISHED: 'PUBLISHED', // 向党员公布
} as const;
export type AppraisalStage = (typeof AppraisalStage)[keyof typeof AppraisalStage];

export const STAGE_ORDER: readonly AppraisalStage[] = ['SELF', 'PEER', 'BALLOT', 'COMMITTEE_PROPOSAL', 'ASSEMBLY', 'PUBLISHED'];
export const STAGE_LABEL: Record<AppraisalStage, string> = {
  SELF: '个人自评',
  PEER: '党员互评',
  BALLOT: '民主测评',
  COMMITTEE_PROPOSAL: '支委会评定意见',
  ASSEMBLY: '支部党员大会评定',
  PUBLISHED: '已公布',
};

export const Grade = { EXCELLENT: 'EXCELLENT', QUALIFIED: 'QUALIFIED', BASIC: 'BASIC', UNQUALIFIED: 'UNQUALIFIED' } as const;
export type Grade = (typeof Grade)[keyof typeof Grade];
export const GRADE_LABEL: Record<Grade, string> = { EXCELLENT: '优秀', QUALIFIED: '合格', BASIC: '基本合格', UNQUALIFIED: '不合格' };

export const SOURCE = 'DOMAIN-RULES §6 a（民主评议党员：优秀、合格、基本合格、不合格，优秀比例不超过三分之一；中国共产党支部工作条例（试行）第十八条）';

/** 优秀 ≤ ⅓ of those appraised: the most that may be graded 优秀. */
export const excellentCap = (appraised: number) => Math.floor(appraised / 3);

export function nextStage(stage: AppraisalStage): AppraisalStage | null {
  const i = STAGE_ORDER.indexOf(stage);
  return STAGE_ORDER[i + 1] ?? null;
}
