import { describe, expect, it } from 'vitest';
import { excellentCap, nextStage } from './stages.js';

describe('民主评议', () => {
  it('caps 优秀 at one third of those appraised, rounding down', () => {
    expect([1, 2, 3, 5, 6, 20, 21].map(excellentCap)).toEqual([0, 0, 1, 1, 2, 6, 7]);
  });
  it('passes through the stages in order and ends published', () => {
    expect(nextStage('SELF')).toBe('PEER');
    expect(nextStage('BALLOT')).toBe('COMMITTEE_PROPOSAL');
    expect(nextStage('PUBLISHED')).toBeNull();
  });
});
