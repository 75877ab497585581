import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from './calendar-2026.js';
import { isWorkingDay, workingDayWindow, workingDaysBetween } from './working-days.js';

const cal = new Map(CALENDAR_2026.map((d) => [d.day, d.kind]));

describe('working days on the 2026 calendar', () => {
  it('knows holidays on weekdays and weekend days worked', () => {
    expect(isWorkingDay('2026-10-05', cal)).toBe(false); // 国庆节, a Monday
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // 春节调休
    expect(isWorkingDay('2026-11-28', cal)).toBe(false); // an ordinary Saturday
  });

  it('counts a five-working-day notice across the National Day week', () => {
    expect(workingDayWindow('2026-09-28', 5, cal)).toEqual({ first: '2026-09-28', last: '2026-10-09' });
    // Starting on a holiday moves the start to the first working day; Saturday 10 October is worked.
    expect(workingDayWindow('2026-10-03', 5, cal)).toEqual({ first: '2026-10-08', last: '2026-10-13' });
    // An ordinary week.
    expect(workingDayWindow('2026-11-30', 5, cal)).toEqual({ first: '2026-11-30', last: '2026-12-04' });
  });

  it('has the year’s working days', () => {
    expect(workingDaysBetween('2026-01-01', '2026-12-31', cal)).toBe(248); // 365 − 104 weekend days − 13 legal holidays (2025 revision);
  });
});
