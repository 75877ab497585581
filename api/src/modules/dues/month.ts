/** Months as YYYY-MM, in China time. */
import { badInput } from '../../core/graphql/errors.js';
import { chinaToday } from '../members/member.rules.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const currentMonth = (now = new Date()) => chinaToday(now).slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The number of months from `from` to `to` (0 when the same). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** A month as typed, not after `latest`. */
export function parseMonth(value: string, field: string, latest: string): string {
  const month = value.trim();
  if (!MONTH.test(month)) throw badInput(`The ${field} is a month like 2026-11.`, field);
  if (month > latest) throw badInput(`The ${field} cannot be after ${latest}.`, field);
  return month;
}
