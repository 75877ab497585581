import { describe, expect, it } from 'vitest';
import { duesFor } from './rate.js';

describe('党费 rates (DOMAIN-RULES §7)', () => {
  it('applies the in-service rate to the whole base, at each bracket edge', () => {
    const due = (yuanBase: number) => duesFor('WAGE', Math.round(yuanBase * 100)).dueFen;
    expect(due(3000)).toBe(1500); // 0.5%
    expect(due(3000.01)).toBe(3000); // 1% of the whole base, not marginal
    expect(due(5000)).toBe(5000);
    expect(due(5000.01)).toBe(7500); // 1.5%: 75.0002 → 75.00
    expect(due(10000)).toBe(15000);
    expect(due(10000.01)).toBe(20000); // 2%: 200.0002 → 200.00
    expect(due(0)).toBe(0);
    expect(duesFor('ANNUAL_SALARY', 2_000_000)).toMatchObject({ rateBp: 200, dueFen: 40_000 });
    expect(duesFor('SELF_EMPLOYED', 250_000)).toMatchObject({ rateBp: 50, dueFen: 1250 });
  });

  it('rounds half up to the fen', () => {
    expect(duesFor('WAGE', 100_001).dueFen).toBe(500); // 5.00005 → 5.00
    expect(duesFor('WAGE', 100_100).dueFen).toBe(501); // 5.005 → 5.01
  });

  it('takes retirees’ pensions at 0.5% up to 5,000 and 1% above', () => {
    expect(duesFor('PENSION', 500_000)).toMatchObject({ rateBp: 50, dueFen: 2500 });
    expect(duesFor('PENSION', 500_001)).toMatchObject({ rateBp: 100, dueFen: 5000 });
  });

  it('has the fixed classes: 0.2 yuan, and 0.2–1 yuan for farmers', () => {
    expect(duesFor('FIXED_MINIMUM', 0)).toEqual({ rateBp: null, dueFen: 20, rule: expect.stringContaining('第六条') });
    expect(duesFor('FARMER', 50).dueFen).toBe(50);
    expect(() => duesFor('FARMER', 10)).toThrow(/0.2 to 1 yuan/);
    expect(() => duesFor('FARMER', 101)).toThrow(/0.2 to 1 yuan/);
    expect(() => duesFor('WAGE', 1.5)).toThrow(RangeError);
  });

});
