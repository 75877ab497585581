/**
 * Working days on the national calendar: Monday to Friday, except the holidays, plus the weekend
 * days worked in exchange (调休). Pure: the exceptions come from the caller.
 */
export type DayExceptions = ReadonlyMap<string, 'HOLIDAY' | 'WORKDAY'>;

const DAY_MS = 86_400_000;

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(day: string, exceptions: DayExceptions): boolean {
  const exception = exceptions.get(day);
  if (exception) return exception === 'WORKDAY';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `day`. */
export function workingDayFrom(day: string, exceptions: DayExceptions): string {
  let d = day;
  while (!isWorkingDay(d, exceptions)) d = addDays(d, 1);
  return d;
}

/**
 * A window of `n` working days starting on the first working day on or after `from`: its first
 * and last working day (a notice of five working days from Monday 28 September 2026 ends on
 * Friday 9 October, the National Day week not counted).
 */
export function workingDayWindow(from: string, n: number, exceptions: DayExceptions): { first: string; last: string } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a window has at least one working day');
  const first = workingDayFrom(from, exceptions);
  let last = first;
  for (let counted = 1; counted < n; ) {
    last = addDays(last, 1);
    if (isWorkingDay(last, exceptions)) counted += 1;
  }
  return { first, last };
}

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from: string, to: string, exceptions: DayExceptions): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) n += 1;
  return n;
}
