/** The development module's LOCAL rules (per-enterprise settings; see modules/local-rules). */
import type { LocalRule } from '../../core/module.js';

export const NOTICE_WORKING_DAYS: LocalRule = {
  key: 'development.noticeWorkingDays',
  label: '发展党员公示期（工作日）',
  description: 'How many working days the 公示 of a 发展对象 and of a 转正 runs, on the national working calendar.',
  source: 'DOMAIN-RULES §3 公示 (duration LOCAL; ≥5 working days chosen as the default)',
  unit: 'WORKING_DAYS',
  default: 5,
  min: 5,
  max: 15,
};

export const MONTHS_TO_ACTIVIST: LocalRule = {
  key: 'development.monthsToActivist',
  label: '申请入党到确定积极分子的最短间隔（月）',
  description: 'How long after the application an applicant may be named an activist (入党积极分子).',
  source: 'DOMAIN-RULES §3 step 6 (LOCAL: 2, 3–6 or 6 months; 3 chosen as the default)',
  unit: 'MONTHS',
  default: 3,
  min: 0,
  max: 12,
};

export const POLITICAL_REVIEW_VALID_MONTHS: LocalRule = {
  key: 'development.politicalReviewValidMonths',
  label: '政治审查有效期（月）',
  description: 'How long a passed 政治审查 stays valid for the 支委会审查 of a 发展对象.',
  source: 'DOMAIN-RULES §3 step 10 (LOCAL: valid one year)',
  unit: 'MONTHS',
  default: 12,
  min: 3,
  max: 24,
};

export const ARCHIVE_DAYS: LocalRule = {
  key: 'development.archiveDays',
  label: '转正后材料归档期限（天）',
  description: 'Within how many days after 转正 the development files are archived (a warning past it).',
  source: 'DOMAIN-RULES §3 step 25 (LOCAL: within one week)',
  unit: 'DAYS',
  default: 7,
  min: 1,
  max: 90,
};

export const DEVELOPMENT_LOCAL_RULES = [NOTICE_WORKING_DAYS, MONTHS_TO_ACTIVIST, POLITICAL_REVIEW_VALID_MONTHS, ARCHIVE_DAYS] as const;
