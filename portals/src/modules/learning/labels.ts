/** How online learning reads in Chinese. */
export const TYPE: Record<string, string> = { SINGLE: '单选题', MULTIPLE: '多选题', TRUE_FALSE: '判断题', FILL: '填空题' };
export const DIMENSION: Record<string, string> = { POLITICAL: '政治素养', PROFESSIONAL: '业务水平', ETHICS: '职业道德' };
export const ATTEMPT: Record<string, string> = { STARTED: '答题中', SUBMITTED: '已交卷', EXPIRED: '到时自动交卷' };
export const EXAM: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' };
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** An answer as people read it: letters joined, 正确/错误, or the text. */
export const answerText = (type: string, answer: readonly string[] | null | undefined) =>
  !answer || answer.length === 0 ? '（未作答）' : type === 'TRUE_FALSE' ? (answer[0] === 'TRUE' ? '正确' : '错误') : type === 'FILL' ? answer.join(' / ') : answer.join('');
export const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
