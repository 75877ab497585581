/**
 * Where a member stands with dues, from their monthly items: paid up to which month (the transfer
 * letter needs it), and how many months in a row are unpaid — flagged at the enterprise's alert
 * threshold (LOCAL, 3 by default), and at 6 for the branch to decide (never a status change).
 */
import { addMonths, monthsBetween } from './month.js';

export const DuesFlag = { NONE: 'NONE', ARREARS: 'ARREARS', BRANCH_DECISION: 'BRANCH_DECISION' } as const;
export type DuesFlag = (typeof DuesFlag)[keyof typeof DuesFlag];

export interface DuesStanding {
  paidUpTo: string | null;
  unpaidMonths: number;
  flag: DuesFlag;
}

/** 6 consecutive unpaid months without reason: the branch decides on 自行脱党 (DZ 9; EM 31). */
export const DECISION_MONTHS = 6;

/**
 * `items`: the member's months, any order, each with whether it is settled (paid or exempt).
 * Months before `current` that are unpaid count; the current month is not yet late.
 */
export function standingOf(items: { period: string; settled: boolean }[], current: string, alertMonths: number): DuesStanding {
  const sorted = [...items].sort((a, b) => a.period.localeCompare(b.period));
  const firstOpen = sorted.find((i) => !i.settled);
  const paidUpTo = firstOpen ? (sorted[0]!.period === firstOpen.period ? null : addMonths(firstOpen.period, -1)) : (sorted.at(-1)?.period ?? null);
  // The run of unpaid months ending with the latest month that is late.
  let unpaidMonths = 0;
  const late = sorted.filter((i) => i.period < current);
  for (let i = late.length - 1; i >= 0; i--) {
    const item = late[i]!;
    const expected = i === late.length - 1 ? item.period : addMonths(late[i + 1]!.period, -1);
    if (item.settled || monthsBetween(item.period, expected) !== 0) break;
    unpaidMonths++;
  }
  const flag = unpaidMonths >= DECISION_MONTHS ? DuesFlag.BRANCH_DECISION : unpaidMonths >= alertMonths ? DuesFlag.ARREARS : DuesFlag.NONE;
  return { paidUpTo, unpaidMonths, flag };
}
