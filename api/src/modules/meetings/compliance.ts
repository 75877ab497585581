/**
 * The compliance calendar of §6 as data: what each branch owes per month, quarter and year, and
 * how a period's figures read against it. Pure — the figures come from compliance.service.
 */
import { badInput } from '../../core/graphql/errors.js';
import { MeetingType } from './meeting-types.js';

export const LifeItem = {
  COMMITTEE: MeetingType.COMMITTEE,
  GROUP: MeetingType.GROUP,
  THEME_DAY: MeetingType.THEME_DAY,
  BRANCH_ASSEMBLY: MeetingType.BRANCH_ASSEMBLY,
  PARTY_LECTURE: MeetingType.PARTY_LECTURE,
  LIFE_MEETING: MeetingType.LIFE_MEETING,
  APPRAISAL: MeetingType.APPRAISAL,
  TALKS: 'TALKS', // 谈心谈话: share of members talked with in the year, in per cent
  CLASS_HOURS: 'CLASS_HOURS', // 学时 per member per year
} as const;
export type LifeItem = (typeof LifeItem)[keyof typeof LifeItem];

export const Cycle = { MONTH: 'MONTH', QUARTER: 'QUARTER', YEAR: 'YEAR' } as const;
export type Cycle = (typeof Cycle)[keyof typeof Cycle];

export interface Requirement {
  item: LifeItem;
  cycle: Cycle;
  /** Meetings per cycle; for TALKS a percentage; for CLASS_HOURS hours. 0 switches it off. */
  target: number;
}

export const ITEM_LABEL: Record<LifeItem, string> = {
  COMMITTEE: '支委会',
  GROUP: '党小组会',
  THEME_DAY: '主题党日',
  BRANCH_ASSEMBLY: '支部党员大会',
  PARTY_LECTURE: '党课',
  LIFE_MEETING: '组织生活会',
  APPRAISAL: '民主评议党员',
  TALKS: '谈心谈话覆盖率',
  CLASS_HOURS: '党员学习学时',
};

/** DOMAIN-RULES §6 a; the 党课 frequency is LOCAL there. Enterprises adjust these (lifeRequirementSet). */
export const DEFAULT_REQUIREMENTS: readonly Requirement[] = [
  { item: 'COMMITTEE', cycle: 'MONTH', target: 1 },
  { item: 'GROUP', cycle: 'MONTH', target: 1 },
  { item: 'THEME_DAY', cycle: 'MONTH', target: 1 },
  { item: 'BRANCH_ASSEMBLY', cycle: 'QUARTER', target: 1 },
  { item: 'PARTY_LECTURE', cycle: 'QUARTER', target: 1 },
  { item: 'LIFE_MEETING', cycle: 'YEAR', target: 1 },
  { item: 'APPRAISAL', cycle: 'YEAR', target: 1 },
  { item: 'TALKS', cycle: 'YEAR', target: 100 },
  { item: 'CLASS_HOURS', cycle: 'YEAR', target: 32 },
];
export const COMPLIANCE_SOURCE = 'DOMAIN-RULES §6 a（中国共产党支部工作条例（试行）第十一至十八条；党员教育管理工作条例第十六至二十条）';

/** A period as people write it: 2026 (a year), 2026-Q4 (a quarter), 2026-11 (a month). */
export interface Period {
  key: string;
  cycle: Cycle;
  year: number;
  /** First month (1–12) and the number of months. */
  firstMonth: number;
  months: number;
}

export function parsePeriod(value: string, field = 'period'): Period {
  const year = /^(\d{4})$/.exec(value);
  if (year) return { key: value, cycle: 'YEAR', year: Number(year[1]), firstMonth: 1, months: 12 };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) return { key: value, cycle: 'QUARTER', year: Number(quarter[1]), firstMonth: (Number(quarter[2]) - 1) * 3 + 1, months: 3 };
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (month) return { key: value, cycle: 'MONTH', year: Number(month[1]), firstMonth: Number(month[2]), months: 1 };
  throw badInput('A period like 2026, 2026-Q4 or 2026-11.', field);
}

const pad = (n: number) => String(n).padStart(2, '0');
const keyOf = (cycle: Cycle, year: number, month: number) => (cycle === 'YEAR' ? `${year}` : cycle === 'QUARTER' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${pad(month)}`);
const MONTHS: Record<Cycle, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The cycles of `cycle` that overlap the period (a year holds 12 months; a month lies in one quarter). */
export function cyclesIn(period: Period, cycle: Cycle): Period[] {
  const span = MONTHS[cycle];
  const first = Math.floor((period.firstMonth - 1) / span) * span + 1;
  const out: Period[] = [];
  for (let m = first; m < period.firstMonth + period.months; m += span) out.push({ key: keyOf(cycle, period.year, m), cycle, year: period.year, firstMonth: m, months: span });
  return out;
}

/** The instant a cycle closes: midnight China time after its last day. */
export function closesAt(p: Period): Date {
  const endMonth = p.firstMonth + p.months; // 13 = January of the next year
  return new Date(`${endMonth > 12 ? p.year + 1 : p.year}-${pad(endMonth > 12 ? 1 : endMonth)}-01T00:00:00+08:00`);
}

/** The month key (YYYY-MM) a cycle starts with, and every month key in it. */
export const monthsOf = (p: Period) => Array.from({ length: p.months }, (_, i) => `${p.year}-${pad(p.firstMonth + i)}`);

export const ItemStatus = {
  MET: 'MET', // approved records reach the target
  PENDING: 'PENDING', // held, the records not yet approved
  OPEN: 'OPEN', // the cycle still runs
  MISSING: 'MISSING', // the cycle closed short
  NOT_APPLICABLE: 'NOT_APPLICABLE', // e.g. 小组会 in a branch without groups
  NO_SOURCE: 'NO_SOURCE', // the figure's source is not on the platform yet
} as const;
export type ItemStatus = (typeof ItemStatus)[keyof typeof ItemStatus];

export interface ItemFigures {
  /** What the cycle asks (meetings, per cent or hours). */
  required: number;
  /** Held: meetings that took place, whatever their record's state; or the figure reached. */
  held: number;
  /** Approved: meetings whose record the committee above approved. */
  approved: number;
}

export function statusOf(f: ItemFigures, closed: boolean): ItemStatus {
  if (f.approved >= f.required) return ItemStatus.MET;
  if (f.held >= f.required) return ItemStatus.PENDING;
  return closed ? ItemStatus.MISSING : ItemStatus.OPEN;
}
