import { describe, expect, it } from 'vitest';
import { closesAt, cyclesIn, parsePeriod, statusOf } from './compliance.js';

describe('compliance periods', () => {
  it('reads a year, a quarter and a month, and refuses anything else', () => {
    expect(parsePeriod('2026')).toMatchObject({ cycle: 'YEAR', firstMonth: 1, months: 12 });
    expect(parsePeriod('2026-Q4')).toMatchObject({ cycle: 'QUARTER', firstMonth: 10, months: 3 });
    expect(parsePeriod('2026-11')).toMatchObject({ cycle: 'MONTH', firstMonth: 11, months: 1 });
    for (const bad of ['2026-13', '2026-Q5', '26-11', '2026-1']) expect(() => parsePeriod(bad)).toThrow(/period like/);
  });

  it('lists the cycles of each frequency that overlap a period', () => {
    expect(cyclesIn(parsePeriod('2026'), 'MONTH').map((p) => p.key)).toHaveLength(12);
    expect(cyclesIn(parsePeriod('2026'), 'QUARTER').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(cyclesIn(parsePeriod('2026-11'), 'QUARTER').map((p) => p.key)).toEqual(['2026-Q4']);
    expect(cyclesIn(parsePeriod('2026-11'), 'YEAR').map((p) => p.key)).toEqual(['2026']);
    expect(cyclesIn(parsePeriod('2026-Q2'), 'MONTH').map((p) => p.key)).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('closes a cycle at midnight China time after its last day', () => {
    expect(closesAt(parsePeriod('2026-12')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(closesAt(parsePeriod('2026-Q1')).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('reads held, approved and closed into a status', () => {
    expect(statusOf({ required: 1, held: 1, approved: 1 }, false)).toBe('MET');
    expect(statusOf({ required: 1, held: 1, approved: 0 }, true)).toBe('PENDING');
    expect(statusOf({ required: 1, held: 0, approved: 0 }, false)).toBe('OPEN');
    expect(statusOf({ required: 1, held: 0, approved: 0 }, true)).toBe('MISSING');
  });
});
