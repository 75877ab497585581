/** How organisational life reads in Chinese. */
export const MEETING_TYPE: Record<string, string> = {
  BRANCH_ASSEMBLY: '支部党员大会',
  COMMITTEE: '支委会',
  GROUP: '党小组会',
  PARTY_LECTURE: '党课',
  THEME_DAY: '主题党日',
  LIFE_MEETING: '组织生活会',
  APPRAISAL: '民主评议党员会议',
  CENTRAL_GROUP: '中心组学习',
};

export const PHASE: Record<string, string> = {
  PLANNED: '待召开',
  IN_PROGRESS: '进行中',
  HELD: '已召开，待记录',
  RECORDED: '已记录，待报送',
  UNDER_REVIEW: '待上级审核',
  RETURNED: '已退回',
  APPROVED: '审核通过（已锁定）',
  CANCELLED: '已取消',
};

export const ATTENDANCE: Record<string, string> = {
  EXPECTED: '未签到',
  PRESENT: '已签到',
  LEAVE_REQUESTED: '请假待批',
  ON_LEAVE: '已请假',
  ABSENT: '缺席',
};

export const METHOD: Record<string, string> = { SELF: '本人签到', QR: '扫码签到', CARD: '刷活动证', RECORDER: '记录人勾选' };

export const ITEM_STATUS: Record<string, string> = {
  MET: '已完成',
  PENDING: '已召开待审核',
  OPEN: '进行中',
  MISSING: '未完成',
  NOT_APPLICABLE: '不适用',
  NO_SOURCE: '暂无数据来源',
};

/** 2026-11-30 19:30 in China, from an ISO instant. */
export const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
