import { describe, expect, it } from 'vitest';
import { parseAssessmentPeriod, previousPeriod, spanOf } from './periods.js';

describe('assessment periods', () => {
  it('reads a year, a half and a quarter with their first and last days', () => {
    expect(parseAssessmentPeriod('2026')).toEqual({ key: '2026', kind: 'YEAR', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(parseAssessmentPeriod('2026-H1')).toMatchObject({ kind: 'HALF', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(parseAssessmentPeriod('2028-Q1')).toMatchObject({ kind: 'QUARTER', startsOn: '2028-01-01', endsOn: '2028-03-31' });
    expect(() => parseAssessmentPeriod('2026-Q5')).toThrow(/2026-Q4/);
  });

  it('spans China days and knows the period before', () => {
    expect(spanOf(parseAssessmentPeriod('2026-Q4')).to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(previousPeriod('2027-Q1')).toBe('2026-Q4');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(previousPeriod('2026')).toBe('2025');
  });
});
