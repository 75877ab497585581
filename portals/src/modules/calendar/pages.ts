/**
 * 工作日历 in the workspace: a year's 放假 and 调休上班 days for everyone to read; the platform's
 * administrators replace a year by pasting it, one day a line, as the State Council publishes it.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import type { WorkCalendarSetVariables } from '../../lib/operations.generated.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import WorkCalendar from './WorkCalendar.astro';

type Day = WorkCalendarSetVariables['input']['days'][number];
const KIND: Record<string, Day['kind']> = { 放假: 'HOLIDAY', 休: 'HOLIDAY', HOLIDAY: 'HOLIDAY', 上班: 'WORKDAY', 班: 'WORKDAY', WORKDAY: 'WORKDAY' };

/** "2027-01-01 放假 元旦" per line → the API's days; the first line that does not parse, by number. */
export function parseDays(text: string): { days: Day[] } | { error: string } {
  const days: Day[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [day, kind, ...name] = line.split(/\s+/);
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !kind || !KIND[kind] || name.length === 0) {
      return { error: `第 ${i + 1} 行应为“日期 放假|上班 节日名”，例如 2027-01-01 放假 元旦。` };
    }
    days.push({ day, kind: KIND[kind]!, name: name.join('') });
  }
  return { days };
}

export const calendarPages: PageRoute[] = [
  {
    path: 'workspace/calendar',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const asked = Number(url.searchParams.get('year') ?? field('year'));
      const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
      let error: string | null = null;
      if (form) {
        const parsed = parseDays(field('days'));
        if ('error' in parsed) error = parsed.error;
        else {
          const saved = (await request(DOCUMENTS.calendar, 'WorkCalendarSet', { input: { year, source: field('source'), days: parsed.days } })).workCalendarSet;
          if (!saved.userErrors.length) return redirect(`/workspace/calendar?year=${year}&notice=saved`);
          error = saved.userErrors[0]!.message;
        }
      }
      const data = await request(DOCUMENTS.calendar, 'WorkCalendarPage', { year });
      return page(WorkCalendar, { site, year, data, error, notice: url.searchParams.get('notice'), draft: form ? field('days') : null }, { title: `${year}年工作日历`, description: '国家法定节假日与调休安排。', section: 'workspace' });
    },
  },
];
