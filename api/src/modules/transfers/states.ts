/**
 * 组织关系转接 as a state machine (DOMAIN-RULES §4 c). Pure: which status may follow which, and
 * who decides. EXPIRED is not stored: an ISSUED letter past its validity reads as EXPIRED.
 */
export const TransferStatus = {
  APPLIED: 'APPLIED', // 已申请
  RETURNED: 'RETURNED', // 退回修改
  BRANCH_AGREED: 'BRANCH_AGREED', // 支部同意
  ISSUED: 'ISSUED', // 党委审批，开具介绍信
  RECEIVED: 'RECEIVED', // 接收方已接收
  REPORTED: 'REPORTED', // 已报到（回执）
  ARCHIVED: 'ARCHIVED', // 已归档
  WITHDRAWN: 'WITHDRAWN', // 撤回
  REJECTED: 'REJECTED', // 不同意
  EXPIRED: 'EXPIRED', // 介绍信逾期（computed)
} as const;
export type TransferStatus = (typeof TransferStatus)[keyof typeof TransferStatus];

/** Where the member goes: another branch of the enterprise, another enterprise on the platform, or off it. */
export const TransferReach = { INTERNAL: 'INTERNAL', PLATFORM: 'PLATFORM', EXTERNAL: 'EXTERNAL' } as const;
export type TransferReach = (typeof TransferReach)[keyof typeof TransferReach];

/** The statuses of a transfer still under way: at most one per member (a partial unique index). */
export const OPEN: readonly TransferStatus[] = ['APPLIED', 'RETURNED', 'BRANCH_AGREED', 'ISSUED', 'RECEIVED'];

export const TransferAction = {
  AGREE: 'AGREE', // 支部同意
  RETURN: 'RETURN', // 退回修改 (branch or committee)
  RESUBMIT: 'RESUBMIT', // 修改后重新提交
  REJECT: 'REJECT', // 不同意，说明理由
  WITHDRAW: 'WITHDRAW', // 本人或支部撤回
  ISSUE: 'ISSUE', // 党委审批并开具介绍信 (again after expiry: 重开)
  RECEIVE: 'RECEIVE', // 接收方接收 (EXTERNAL: 回执寄回)
  REPORT: 'REPORT', // 党员报到
  ARCHIVE: 'ARCHIVE', // 归档
} as const;
export type TransferAction = (typeof TransferAction)[keyof typeof TransferAction];

/** Who decides a step: the sending branch, the sending 基层党委, or the receiving organisation. */
export type Side = 'BRANCH' | 'COMMITTEE' | 'RECEIVER';

export interface ActionRule {
  from: readonly TransferStatus[];
  to: TransferStatus;
  by: Side;
  label: string;
}

export const ACTIONS: Record<TransferAction, ActionRule> = {
  AGREE: { from: ['APPLIED'], to: 'BRANCH_AGREED', by: 'BRANCH', label: '支部同意' },
  RETURN: { from: ['APPLIED', 'BRANCH_AGREED'], to: 'RETURNED', by: 'BRANCH', label: '退回修改' },
  RESUBMIT: { from: ['RETURNED'], to: 'APPLIED', by: 'BRANCH', label: '重新提交' },
  REJECT: { from: ['APPLIED', 'BRANCH_AGREED'], to: 'REJECTED', by: 'BRANCH', label: '不同意转接' },
  WITHDRAW: { from: ['APPLIED', 'RETURNED', 'BRANCH_AGREED'], to: 'WITHDRAWN', by: 'BRANCH', label: '撤回' },
  ISSUE: { from: ['BRANCH_AGREED', 'EXPIRED'], to: 'ISSUED', by: 'COMMITTEE', label: '开具介绍信' },
  RECEIVE: { from: ['ISSUED'], to: 'RECEIVED', by: 'RECEIVER', label: '接收' },
  REPORT: { from: ['RECEIVED'], to: 'REPORTED', by: 'RECEIVER', label: '报到' },
  ARCHIVE: { from: ['REPORTED'], to: 'ARCHIVED', by: 'COMMITTEE', label: '归档' },
};

export const STATUS_LABEL: Record<TransferStatus, string> = {
  APPLIED: '已申请',
  RETURNED: '退回修改',
  BRANCH_AGREED: '支部已同意',
  ISSUED: '已开具介绍信',
  RECEIVED: '已接收',
  REPORTED: '已报到',
  ARCHIVED: '已归档',
  WITHDRAWN: '已撤回',
  REJECTED: '未同意',
  EXPIRED: '介绍信已逾期',
};

/** The status as read: an ISSUED letter past its last valid day is EXPIRED. */
export const statusOn = (stored: TransferStatus, validUntil: string | null, today: string): TransferStatus =>
  stored === 'ISSUED' && validUntil !== null && validUntil < today ? 'EXPIRED' : stored;
