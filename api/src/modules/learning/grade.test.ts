import { describe, expect, it } from 'vitest';
import { answerShape, isCorrect, scoreOf } from './grade.js';

describe('grading', () => {
  it('grades a single choice and true/false by the one key', () => {
    expect(isCorrect('SINGLE', ['B'], ['B'])).toBe(true);
    expect(isCorrect('SINGLE', ['B'], ['C'])).toBe(false);
    expect(isCorrect('SINGLE', ['B'], ['B', 'C'])).toBe(false);
    expect(isCorrect('TRUE_FALSE', ['FALSE'], ['FALSE'])).toBe(true);
    expect(isCorrect('TRUE_FALSE', ['FALSE'], null)).toBe(false);
  });

  it('grades a multiple choice by the exact set, in any order', () => {
    expect(isCorrect('MULTIPLE', ['A', 'C', 'D'], ['D', 'A', 'C'])).toBe(true);
    expect(isCorrect('MULTIPLE', ['A', 'C', 'D'], ['A', 'C'])).toBe(false);
    expect(isCorrect('MULTIPLE', ['A', 'C'], ['A', 'C', 'D'])).toBe(false);
  });

  it('grades a fill-in against any accepted answer, ignoring spaces, width and case', () => {
    expect(isCorrect('FILL', ['为中国人民谋幸福，为中华民族谋复兴'], ['为中国人民谋幸福， 为中华民族谋复兴'])).toBe(true);
    expect(isCorrect('FILL', ['1921', '一九二一'], ['１９２１'])).toBe(true);
    expect(isCorrect('FILL', ['1921', '一九二一'], ['一九二一'])).toBe(true);
    expect(isCorrect('FILL', ['PDCA'], ['pdca'])).toBe(true);
    expect(isCorrect('FILL', ['1921'], ['1922'])).toBe(false);
  });

  it('checks the shape of an answer', () => {
    expect(answerShape('SINGLE', 4, ['E'])).not.toBeNull();
    expect(answerShape('MULTIPLE', 4, ['A', 'A'])).not.toBeNull();
    expect(answerShape('TRUE_FALSE', 0, ['YES'])).not.toBeNull();
    expect(answerShape('MULTIPLE', 4, ['A', 'D'])).toBeNull();
    expect(answerShape('SINGLE', 4, [])).toBeNull();
  });

  it('normalises the total to 100, to one decimal', () => {
    expect(scoreOf([{ points: 2, earned: 2 }, { points: 2, earned: 0 }, { points: 2, earned: 2 }])).toBe(66.7);
    expect(scoreOf([])).toBe(0);
  });
});
