import { describe, expect, it } from 'vitest';
import { flagsOf } from './contact-rules.js';

describe('keeping in touch with mobile members', () => {
  it('flags six months without contact and a year without a report home', () => {
    expect(flagsOf({ startsOn: '2026-01-10', lastContactOn: null, lastReportOn: null }, '2026-07-09')).toEqual([]);
    expect(flagsOf({ startsOn: '2026-01-10', lastContactOn: null, lastReportOn: null }, '2026-07-11')).toEqual(['NO_CONTACT']);
    expect(flagsOf({ startsOn: '2025-01-10', lastContactOn: '2026-06-01', lastReportOn: null }, '2026-07-11')).toEqual(['NO_YEARLY_REPORT']);
    expect(flagsOf({ startsOn: '2025-01-10', lastContactOn: '2026-06-01', lastReportOn: '2026-01-05' }, '2026-07-11')).toEqual([]);
  });
});
