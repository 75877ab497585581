/** The Chinese words for the member module's codes, as a 党员信息库 shows them. */
export const CATEGORY: Record<string, string> = { FULL: '正式党员', PROBATIONARY: '预备党员' };
export const STATUS: Record<string, string> = {
  NORMAL: '正常',
  SUSPENDED: '停止党籍',
  REMOVED: '除名',
  EXPELLED: '开除党籍',
  TRANSFERRED_OUT: '已转出',
  DECEASED: '去世',
  DISQUALIFIED: '取消预备党员资格',
};
export const SEX: Record<string, string> = { MALE: '男', FEMALE: '女' };
/** The labels a branch usually keeps; the filter offers them (a record may carry others). */
export const COMMON_LABELS = ['党务工作者', '流动党员', '困难党员', '老党员', '入党积极分子联系人'];
export const POST: Record<string, string> = {
  SECRETARY: '书记',
  DEPUTY_SECRETARY: '副书记',
  ORGANIZATION: '组织委员',
  PROPAGANDA: '宣传委员',
  DISCIPLINE: '纪检委员',
  MEMBER: '委员',
  GROUP_LEADER: '党小组组长',
};
export const DUES_STATUS: Record<string, string> = { UNPAID: '未交', PAID: '已交', EXEMPT: '免交' };
/** "1,234.56" from fen. */
export const yuan = (fen: number) => `${Math.trunc(fen / 100).toLocaleString('en')}.${String(fen % 100).padStart(2, '0')}`;
export const CARE: Record<string, string> = { VISIT: '走访慰问', HOLIDAY: '节日慰问', ILLNESS: '患病慰问', HARDSHIP_AID: '困难帮扶', OTHER: '其他关爱' };
