import { describe, expect, it } from 'vitest';
import { rankOf, scoreOf, totalOf } from './scoring.js';

describe('scoring an indicator', () => {
  const up = { mustReach: 80, stretch: 95, higherIsBetter: true };
  const down = { mustReach: 20, stretch: 10, higherIsBetter: false };

  it('gives 60 at the must-reach target, 100 at the stretch target, in proportion between', () => {
    expect(scoreOf(80, up)).toEqual({ score: 60, level: 'MUST' });
    expect(scoreOf(87.5, up)).toEqual({ score: 80, level: 'MUST' });
    expect(scoreOf(95, up)).toEqual({ score: 100, level: 'STRETCH' });
    expect(scoreOf(100, up)).toEqual({ score: 100, level: 'STRETCH' });
  });

  it('falls below 60 when the must-reach target is missed, never below 0', () => {
    expect(scoreOf(40, up)).toEqual({ score: 30, level: 'MISSED' });
    expect(scoreOf(79.9, up).level).toBe('MISSED');
    expect(scoreOf(79.9, up).score).toBeLessThan(60);
    expect(scoreOf(0, up)).toEqual({ score: 0, level: 'MISSED' });
  });

  it('reads "less is better" targets the other way round (days taken)', () => {
    expect(scoreOf(10, down).level).toBe('STRETCH');
    expect(scoreOf(15, down)).toEqual({ score: 80, level: 'MUST' });
    expect(scoreOf(40, down)).toEqual({ score: 30, level: 'MISSED' });
  });

  it('says when there is nothing to measure instead of scoring zero', () => {
    expect(scoreOf(null, up)).toEqual({ score: null, level: 'NO_DATA' });
  });
});

describe('a scorecard', () => {
  it('totals the scored indicators by weight, leaving out those without data', () => {
    expect(totalOf([{ weight: 40, score: 100 }, { weight: 30, score: 60 }, { weight: 30, score: null }])).toBe(82.9);
    expect(totalOf([{ weight: 10, score: null }])).toBeNull();
  });

  it('ranks peers by total, ties sharing a place', () => {
    expect([...rankOf(new Map([['a', 90], ['b', 95], ['c', 90], ['d', null], ['e', 70]])).entries()]).toEqual([['a', 2], ['b', 1], ['c', 2], ['d', null], ['e', 4]]);
  });
});
