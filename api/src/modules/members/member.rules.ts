/** What the member-side services share: dates as people type them, and refusals that name their rule. */
import { AppError, badInput, ErrorCode } from '../../core/graphql/errors.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China (the day a branch means when it dates a decision). */
export const chinaToday = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A calendar date, YYYY-MM-DD, not in the future. */
export function pastDate(value: string, field: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw badInput(`The ${field} must be a date like 2021-07-01.`, field);
  if (value > chinaToday()) throw badInput(`The ${field} cannot be in the future.`, field);
  return value;
}

/** The same day `years` later (29 February falls on 1 March). */
export function yearsLater(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** A rule of Party work refused, naming the rule and its source. */
export const ruleRefusal = (message: string, rule: string, source: string) => new AppError(ErrorCode.CONFLICT, `${message} (${source})`, { rule, source });

/** Whether a write failed on the named unique constraint (the race a pre-check cannot close). */
export const uniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === '23505' && String((error as { message?: string }).message ?? '').includes(constraint);
