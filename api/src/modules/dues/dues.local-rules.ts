/** The dues module's LOCAL rules (per-enterprise settings; see modules/local-rules). */
import type { LocalRule } from '../../core/module.js';

export const ARREARS_ALERT_MONTHS: LocalRule = {
  key: 'dues.arrearsAlertMonths',
  label: '党费欠缴提醒月数',
  description: 'After how many consecutive unpaid months a member’s dues are flagged as in arrears (6 months always asks the branch to decide).',
  source: 'DOMAIN-RULES §7 c (LOCAL; default 3 months)',
  unit: 'MONTHS',
  default: 3,
  min: 1,
  max: 5,
};

export const DUES_LOCAL_RULES = [ARREARS_ALERT_MONTHS] as const;
