import { describe, expect, it } from 'vitest';
import { parseYuan, yuan } from './money.js';

describe('money', () => {
  it('reads yuan as people type it and writes it back', () => {
    expect(parseYuan('5000')).toBe(500_000);
    expect(parseYuan('5,000.5')).toBe(500_050);
    expect(parseYuan(' 0.20 ')).toBe(20);
    expect(parseYuan('5000.505')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('一千')).toBeNull();
    expect(yuan(123_456)).toBe('1,234.56');
    expect(yuan(20)).toBe('0.20');
  });
});
