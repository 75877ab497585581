/** The Chinese words for the transfers module's codes. */
export const REACH: Record<string, string> = { INTERNAL: '本企业内', PLATFORM: '转至平台内其他企业', EXTERNAL: '转出平台（开具纸质介绍信）' };
export const ACTION: Record<string, string> = {
  APPLY: '申请',
  AGREE: '支部同意',
  RETURN: '退回修改',
  RESUBMIT: '重新提交',
  REJECT: '不同意',
  WITHDRAW: '撤回',
  ISSUE: '审批并开具介绍信',
  RECEIVE: '接收',
  REPORT: '已报到',
  ARCHIVE: '归档',
};
/** Actions that need a reason typed in. */
export const NEEDS_OPINION = new Set(['RETURN', 'REJECT']);
