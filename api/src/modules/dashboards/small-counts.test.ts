import { describe, expect, it } from 'vitest';
import { suppress } from './small-counts.js';

describe('the small-count rule', () => {
  it('shows groups under five as <5 and hides a second group when only one is hidden', () => {
    expect(suppress([{ label: '正式党员', count: 96 }, { label: '预备党员', count: 4 }]).map((c) => c.value)).toEqual(['—', '<5']);
    expect(suppress([{ label: 'a', count: 40 }, { label: 'b', count: 3 }, { label: 'c', count: 7 }]).map((c) => c.value)).toEqual(['40', '<5', '—']);
    expect(suppress([{ label: 'a', count: 40 }, { label: 'b', count: 3 }, { label: 'c', count: 2 }]).map((c) => c.value)).toEqual(['40', '<5', '<5']);
    expect(suppress([{ label: 'a', count: 40 }, { label: 'b', count: 0 }]).map((c) => c.value)).toEqual(['40', '0']);
  });
});
