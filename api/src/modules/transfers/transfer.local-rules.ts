/** The transfers module's LOCAL rules (per-enterprise settings; see modules/local-rules). */
import type { LocalRule } from '../../core/module.js';

export const LETTER_VALIDITY_DAYS: LocalRule = {
  key: 'transfers.letterValidityDays',
  label: '组织关系介绍信有效期（天）',
  description: 'How many days a 介绍信 stays valid after it is issued; the sender reissues an expired one.',
  source: 'DOMAIN-RULES §4 a (LOCAL: ~10 days in a city, ~30 days outside, at most 3 months; 30 chosen as the default)',
  unit: 'DAYS',
  default: 30,
  min: 5,
  max: 90,
};

export const TRANSFER_LOCAL_RULES = [LETTER_VALIDITY_DAYS] as const;
