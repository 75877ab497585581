/** The Chinese words for the mobility module's codes. */
export const MOBILE_STATUS: Record<string, string> = { APPLIED: '待审批', APPROVED: '已发证（外出中）', AT_HOST: '已在流入地报到', RETURNED: '已返回', REJECTED: '未批准' };
export const FLAG: Record<string, string> = { NO_CONTACT: '超过6个月未联系', NO_YEARLY_REPORT: '超过1年未向党组织报告' };
export const CONTACT: Record<string, string> = { PHONE: '电话', ONLINE: '网络', VISIT: '走访', YEARLY_REPORT: '年度报告' };
