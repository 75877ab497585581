/** The members module's LOCAL rules (per-enterprise settings; see modules/local-rules). */
import type { LocalRule } from '../../core/module.js';

export const ELECTION_REMINDER_DAYS: LocalRule = {
  key: 'members.electionReminderDays',
  label: '换届提醒提前天数',
  description: 'How many days before a committee’s term ends its organisation is warned that the election is due.',
  source: 'DOMAIN-RULES §1 c (the lead time is LOCAL; 90 days chosen as the default)',
  unit: 'DAYS',
  default: 90,
  min: 7,
  max: 365,
};

export const MEMBER_LOCAL_RULES = [ELECTION_REMINDER_DAYS] as const;
