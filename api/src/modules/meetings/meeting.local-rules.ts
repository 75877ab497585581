/** The meetings module's LOCAL rules (per-enterprise settings; see modules/local-rules). */
import type { LocalRule } from '../../core/module.js';

export const LIFE_REMINDER_DAYS: LocalRule = {
  key: 'meetings.lifeReminderDays',
  label: '组织生活未完成提醒（周期结束前天数）',
  description: 'How many days before a month, quarter or year closes a branch that has not yet held what the compliance calendar asks is reminded.',
  source: 'DOMAIN-RULES §9 (notification triggers: monthly and quarterly meeting quotas; owip’s monthly 组织生活指南) — the lead time is LOCAL; 5 days chosen as the default',
  unit: 'DAYS',
  default: 5,
  min: 1,
  max: 20,
};

export const MEETING_LOCAL_RULES = [LIFE_REMINDER_DAYS] as const;
