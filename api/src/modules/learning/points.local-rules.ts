/**
 * 学习积分 as per-enterprise settings (DOMAIN-RULES §8 a: points are LOCAL; the pattern copied from
 * 学习强国's 2019 rules — per-action daily caps, full versus partial scoring).
 */
import type { LocalRule } from '../../core/module.js';

const SOURCE = 'DOMAIN-RULES §8 a（学习积分 LOCAL；参照学习强国2019年规则：按项目每日封顶，满分与非满分分档）';
const rule = (key: string, label: string, description: string, value: number, max: number): LocalRule => ({ key, label, description, source: SOURCE, unit: 'COUNT', default: value, min: 0, max });

export const ITEM_POINTS_CAP = rule('learning.points.itemDailyCap', '学习积分：完成课程学习每日上限', 'Points a day for course items completed (one each).', 6, 50);
export const PRACTICE_FULL = rule('learning.points.practiceFull', '学习积分：每日答题全对', 'Points for a practice with every answer right.', 2, 20);
export const PRACTICE_PARTIAL = rule('learning.points.practicePartial', '学习积分：每日答题未全对', 'Points for a practice handed in with some answers wrong.', 1, 20);
export const PRACTICE_CAP = rule('learning.points.practiceDailyCap', '学习积分：每日答题每日上限', 'Points a day from practice.', 6, 50);
export const EXAM_FULL = rule('learning.points.examFull', '学习积分：考试满分', 'Points for an exam with full marks.', 10, 100);
export const EXAM_PASS = rule('learning.points.examPass', '学习积分：考试及格', 'Points for an exam passed without full marks.', 8, 100);

export const POINTS_LOCAL_RULES = [ITEM_POINTS_CAP, PRACTICE_FULL, PRACTICE_PARTIAL, PRACTICE_CAP, EXAM_FULL, EXAM_PASS] as const;
