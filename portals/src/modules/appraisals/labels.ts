/** How 民主评议 reads in Chinese. */
export const STAGE: Record<string, string> = {
  SELF: '个人自评',
  PEER: '党员互评',
  BALLOT: '民主测评（无记名）',
  COMMITTEE_PROPOSAL: '支委会提出评定意见',
  ASSEMBLY: '支部党员大会评定',
  PUBLISHED: '已公布',
};
export const GRADE: Record<string, string> = { EXCELLENT: '优秀', QUALIFIED: '合格', BASIC: '基本合格', UNQUALIFIED: '不合格' };
export const NEXT: Record<string, string> = {
  SELF: '进入互评',
  PEER: '开始民主测评',
  BALLOT: '结束测评，提出评定意见',
  COMMITTEE_PROPOSAL: '提交支部党员大会评定',
  ASSEMBLY: '向党员公布',
};
