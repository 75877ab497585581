import { describe, expect, it } from 'vitest';
import { checkFigures, tally, type VoteFigures } from './vote.js';

const figures = (over: Partial<VoteFigures>): VoteFigures => ({ expected: 20, present: 15, yes: 12, no: 2, abstain: 1, writtenYes: 0, writtenNo: 0, writtenAbstain: 0, ...over });

describe('支部大会 vote', () => {
  it('needs more than half present and yes from more than half of 应到', () => {
    expect(tally(figures({}))).toEqual({ quorum: true, majority: true, passed: true, yesTotal: 12 });
    // Exactly half present is no quorum.
    expect(tally(figures({ present: 10, yes: 10, no: 0, abstain: 0 }))).toMatchObject({ quorum: false, passed: false });
    // Ten yes of twenty is not more than half.
    expect(tally(figures({ yes: 10, no: 4, abstain: 1 }))).toMatchObject({ quorum: true, majority: false, passed: false });
  });

  it('counts written opinions toward the result', () => {
    expect(tally(figures({ yes: 10, no: 4, abstain: 1, writtenYes: 1 }))).toMatchObject({ majority: true, passed: true, yesTotal: 11 });
  });

  it('refuses figures that do not add up, naming the field', () => {
    expect(() => checkFigures(figures({ present: 21 }), 20)).toThrow(/实到/);
    expect(() => checkFigures(figures({ expected: 25, present: 15 }), 20)).toThrow(/20 full members/);
    expect(() => checkFigures(figures({ yes: 14 }), 20)).toThrow(/赞成/);
    expect(() => checkFigures(figures({ writtenYes: 6 }), 20)).toThrow(/Written opinions/);
    expect(() => checkFigures(figures({ no: -1 }), 20)).toThrow(/count/);
    expect(() => checkFigures(figures({}), 20)).not.toThrow();
  });
});
