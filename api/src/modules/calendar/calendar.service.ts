/**
 * The national working calendar: reading the exceptions a computation needs, and replacing a
 * year's days (platform admins only — it is the same for every enterprise; audited).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, forbidden } from '../../core/graphql/errors.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { CalendarDay, CalendarDayKind, CalendarYear } from './calendar.entity.js';
import { addDays, isWorkingDay, workingDayWindow, type DayExceptions } from './working-days.js';

/** The exceptions between two days (both included): one indexed range read. */
export async function exceptionsBetween(em: EntityManager, from: string, to: string): Promise<DayExceptions> {
  const rows = await em.getConnection().execute<{ day: string; kind: CalendarDayKind }[]>(
    `select to_char(day, 'YYYY-MM-DD') as day, kind from calendar_day where day between ? and ?`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.day, r.kind]));
}

/**
 * A notice window of `n` working days from `from` (see workingDayWindow), read against the
 * calendar; `maintained` tells whether every year it touches has been published (otherwise
 * only weekends were counted out).
 */
export async function noticeWindow(em: EntityManager, from: string, n: number): Promise<{ first: string; last: string; maintained: boolean }> {
  // n working days never span more than n weeks plus the longest holiday run.
  const exceptions = await exceptionsBetween(em, from, addDays(from, n * 7 + 21));
  const window = workingDayWindow(from, n, exceptions);
  const years = [...new Set([Number(window.first.slice(0, 4)), Number(window.last.slice(0, 4))])];
  const known = await em.count(CalendarYear, { year: { $in: years } });
  return { ...window, maintained: known === years.length };
}

export async function isWorkingDayOn(em: EntityManager, day: string): Promise<boolean> {
  return isWorkingDay(day, await exceptionsBetween(em, day, day));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Replaces a year's published days. Each day must fall in the year; a HOLIDAY on a weekday or a
 * WORKDAY on a weekend (anything else changes nothing and is refused as a likely typo).
 */
export async function setCalendarYear(
  em: EntityManager,
  actor: Actor,
  input: { year: number; source: string; days: { day: string; kind: CalendarDayKind; name: string }[] },
): Promise<CalendarYear> {
  const me = requireUser(actor.viewer);
  if (!me.isPlatformAdmin) throw forbidden('The working calendar is kept by the platform’s administrators.');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('A year from 2000 to 2100.', 'year');
  const source = plainLine(input.source, 'source', 200, true);
  if (input.days.length > 120) throw badInput('At most 120 days in a year’s calendar.', 'days');
  const seen = new Set<string>();
  const days = input.days.map((d, i) => {
    const field = `days.${i}.day`;
    if (!DATE.test(d.day) || Number.isNaN(Date.parse(`${d.day}T00:00:00Z`)) || !d.day.startsWith(`${input.year}-`)) throw badInput(`${d.day} is not a day of ${input.year}.`, field);
    if (seen.has(d.day)) throw badInput(`${d.day} is listed twice.`, field);
    seen.add(d.day);
    const weekend = !isWorkingDay(d.day, new Map());
    if (d.kind === CalendarDayKind.HOLIDAY && weekend) throw badInput(`${d.day} is a weekend day already: list only weekdays off.`, field);
    if (d.kind === CalendarDayKind.WORKDAY && !weekend) throw badInput(`${d.day} is a weekday already: list only weekend days worked.`, field);
    return { day: d.day, kind: d.kind, name: plainLine(d.name, `days.${i}.name`, 20, true) };
  });
  return em.transactional(async (tx) => {
    let year = await tx.findOne(CalendarYear, input.year);
    if (!year) year = tx.create(CalendarYear, { year: input.year, source });
    tx.assign(year, { source, updatedBy: me.userId, updatedAt: new Date() });
    await tx.flush();
    await tx.nativeDelete(CalendarDay, { year: input.year });
    for (const d of days) tx.create(CalendarDay, { ...d, year });
    recordAudit(tx, actor.viewer, { action: 'calendar.setYear', subjectType: 'CalendarYear', subjectId: input.year, details: { days: days.length, source } });
    await tx.flush();
    return year;
  });
}

/** Loads a year as published (idempotent; used by the demo and by a fresh installation). */
export async function ensureCalendarYear(em: EntityManager, year: number, source: string, days: { day: string; kind: CalendarDayKind; name: string }[]): Promise<boolean> {
  if (await em.count(CalendarYear, { year })) return false;
  const row = em.create(CalendarYear, { year, source });
  for (const d of days) em.create(CalendarDay, { ...d, year: row });
  await em.flush();
  return true;
}
