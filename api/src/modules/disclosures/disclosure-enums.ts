/** 党务公开 vocabulary, after the 中国共产党党务公开条例（试行）(2017). */

/** The seven categories of a grassroots organisation's disclosure catalogue (公开目录). */
export const DisclosureCategory = {
  HIGHER_DECISIONS: 'HIGHER_DECISIONS', // 贯彻落实上级决策部署
  GOALS_AND_PLANS: 'GOALS_AND_PLANS', // 目标任务、工作计划
  EDUCATION: 'EDUCATION', // 党员教育管理、"三会一课"
  ORGANIZATION_BUILDING: 'ORGANIZATION_BUILDING', // 换届选举、组织设置、发展党员、民主评议、党费收缴使用
  CONDUCT_AND_SERVICE: 'CONDUCT_AND_SERVICE', // 作风建设、联系服务党员和群众
  DISCIPLINE: 'DISCIPLINE', // 党风廉政建设、纪律
  OTHER: 'OTHER', // 其他
} as const;
export type DisclosureCategory = (typeof DisclosureCategory)[keyof typeof DisclosureCategory];

/** To whom (公开范围). Each maps onto the common content visibility. */
export const DisclosureScope = {
  SOCIETY: 'SOCIETY', // 向社会公开 → PUBLIC
  WHOLE_ENTERPRISE: 'WHOLE_ENTERPRISE', // 企业内部公开 → ENTERPRISE
  OWN_ORG_SUBTREE: 'OWN_ORG_SUBTREE', // 本组织及下级公开 → ORGANIZATION
  TARGETED: 'TARGETED', // 向特定组织公开 → TARGETED (named organisations and their subtrees)
} as const;
export type DisclosureScope = (typeof DisclosureScope)[keyof typeof DisclosureScope];

/** The four steps: 提出 → 审核 (with the secrecy review) → 审批 → 实施. */
export const DisclosureStep = {
  PROPOSED: 'PROPOSED', // 提出
  REVIEWED: 'REVIEWED', // 审核 passed, secrecy review recorded
  APPROVED: 'APPROVED', // 审批 done, published (实施) now or at its time
} as const;
export type DisclosureStep = (typeof DisclosureStep)[keyof typeof DisclosureStep];
