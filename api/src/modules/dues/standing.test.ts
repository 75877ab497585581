import { describe, expect, it } from 'vitest';
import { standingOf } from './standing.js';

const months = (from: number, to: number, settled: (m: number) => boolean) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ period: `2026-${String(from + i).padStart(2, '0')}`, settled: settled(from + i) }));

describe('dues standing', () => {
  it('is paid up to the month before the first unpaid one', () => {
    expect(standingOf(months(1, 11, (m) => m < 8), '2026-11', 3)).toEqual({ paidUpTo: '2026-07', unpaidMonths: 3, flag: 'ARREARS' });
    expect(standingOf(months(1, 11, () => true), '2026-11', 3)).toEqual({ paidUpTo: '2026-11', unpaidMonths: 0, flag: 'NONE' });
    expect(standingOf([], '2026-11', 3)).toEqual({ paidUpTo: null, unpaidMonths: 0, flag: 'NONE' });
    expect(standingOf(months(3, 4, () => false), '2026-11', 3).paidUpTo).toBeNull();
  });

  it('does not count the current month as late; flags 6 in a row for the branch to decide', () => {
    expect(standingOf(months(5, 11, (m) => m < 5), '2026-11', 3)).toMatchObject({ unpaidMonths: 6, flag: 'BRANCH_DECISION' });
    expect(standingOf(months(6, 11, () => false), '2026-11', 3)).toMatchObject({ unpaidMonths: 5, flag: 'ARREARS' });
    expect(standingOf(months(9, 11, () => false), '2026-11', 3)).toMatchObject({ unpaidMonths: 2, flag: 'NONE' });
    expect(standingOf(months(9, 11, () => false), '2026-11', 2)).toMatchObject({ unpaidMonths: 2, flag: 'ARREARS' });
  });

  it('counts only the latest run: a paid month breaks it', () => {
    expect(standingOf(months(1, 10, (m) => m === 7), '2026-11', 3)).toMatchObject({ unpaidMonths: 3, flag: 'ARREARS', paidUpTo: null });
  });
});
