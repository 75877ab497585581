/**
 * The national working calendar through the real endpoint: anyone reads a year; only platform
 * admins replace one (validated day by day, audited); a year not published counts weekends only.
 */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['platformAdmin', 'groupAdmin'] });
const { platformAdmin, groupAdmin, anonymous } = as;
const READ = `query($y: Int!) { workCalendar(year: $y) { year maintained source workingDays days { day kind name } } }`;
const SET = `mutation($i: WorkCalendarSetInput!) { workCalendarSet(input: $i) { calendar { year maintained workingDays days { day } } userErrors { code field message } } }`;

describe('工作日历', () => {
  it('publishes 2026 as the State Council did, for anyone to read', async () => {
    const year = (await anonymous(READ, { y: 2026 })).data!.workCalendar;
    expect(year).toMatchObject({ year: 2026, maintained: true, source: '国务院办公厅关于2026年部分节假日安排的通知', workingDays: 248 });
    expect(year.days).toContainEqual({ day: '2026-10-10', kind: 'WORKDAY', name: '国庆节' });
    expect(year.days).toContainEqual({ day: '2026-02-16', kind: 'HOLIDAY', name: '春节' });
  });

  it('counts weekends only for a year not published yet', async () => {
    expect((await anonymous(READ, { y: 2031 })).data!.workCalendar).toMatchObject({ maintained: false, days: [], workingDays: 261 });
  });

  it('lets platform admins replace a year, refusing days that change nothing, and audits it', async () => {
    const input = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', days: [{ day: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }] };
    expect((await groupAdmin(SET, { i: input })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await anonymous(SET, { i: input })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const weekend = await platformAdmin(SET, { i: { ...input, days: [...input.days, { day: '2027-01-02', kind: 'HOLIDAY', name: '元旦' }] } });
    expect(weekend.data!.workCalendarSet.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'days.1.day'], message: expect.stringContaining('weekend') });
    const wrongYear = await platformAdmin(SET, { i: { ...input, days: [{ day: '2026-12-31', kind: 'HOLIDAY', name: '元旦' }] } });
    expect(wrongYear.data!.workCalendarSet.userErrors[0]).toMatchObject({ field: ['input', 'days.0.day'] });
    const saved = await expectOk(platformAdmin, SET, { i: input });
    expect(saved.workCalendarSet.calendar).toMatchObject({ year: 2027, maintained: true, workingDays: 260, days: [{ day: '2027-01-01' }] });
    // Replacing is whole: the second save leaves exactly what it lists.
    await expectOk(platformAdmin, SET, { i: { ...input, days: [{ day: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }, { day: '2027-01-04', kind: 'HOLIDAY', name: '元旦' }] } });
    expect((await anonymous(READ, { y: 2027 })).data!.workCalendar.days.map((d: { day: string }) => d.day)).toEqual(['2027-01-01', '2027-01-04']);
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'calendar.setYear' and subject_id = '2027'`)) as [{ n: number }];
    expect(n).toBe(2);
  });
});
