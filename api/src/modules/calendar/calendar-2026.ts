/**
 * The 2026 national calendar (国务院办公厅关于2026年部分节假日安排的通知): the days off on
 * weekdays and the weekend days worked in exchange. Platform admins correct or add years in the
 * workspace; this is what the demo and a fresh installation start with.
 */
import type { CalendarDayKind } from './calendar.entity.js';

export const CALENDAR_2026_SOURCE = '国务院办公厅关于2026年部分节假日安排的通知';

const range = (from: string, to: string, kind: CalendarDayKind, name: string) => {
  const days: { day: string; kind: CalendarDayKind; name: string }[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    const weekday = new Date(d).getUTCDay();
    // Only what differs from Monday–Friday is stored: weekend days inside a holiday need no row.
    if (kind === 'WORKDAY' || (weekday !== 0 && weekday !== 6)) days.push({ day, kind, name });
  }
  return days;
};

export const CALENDAR_2026 = [
  ...range('2026-01-01', '2026-01-03', 'HOLIDAY', '元旦'),
  ...range('2026-01-04', '2026-01-04', 'WORKDAY', '元旦'),
  ...range('2026-02-14', '2026-02-14', 'WORKDAY', '春节'),
  ...range('2026-02-15', '2026-02-23', 'HOLIDAY', '春节'),
  ...range('2026-02-28', '2026-02-28', 'WORKDAY', '春节'),
  ...range('2026-04-04', '2026-04-06', 'HOLIDAY', '清明节'),
  ...range('2026-05-01', '2026-05-05', 'HOLIDAY', '劳动节'),
  ...range('2026-05-09', '2026-05-09', 'WORKDAY', '劳动节'),
  ...range('2026-06-19', '2026-06-21', 'HOLIDAY', '端午节'),
  ...range('2026-09-20', '2026-09-20', 'WORKDAY', '国庆节'),
  ...range('2026-09-25', '2026-09-27', 'HOLIDAY', '中秋节'),
  ...range('2026-10-01', '2026-10-07', 'HOLIDAY', '国庆节'),
  ...range('2026-10-10', '2026-10-10', 'WORKDAY', '国庆节'),
];
