import { describe, expect, it } from 'vitest';
import { observe, type TextInfo } from './prepared-reads.js';

describe('observe', () => {
  const fresh = (): TextInfo => ({ uses: 0, name: 'dj_x', inline: false, best: Infinity, recent: 0, unnamed: false, ranAt: 0 });
  const run = (info: TextInfo, ms: number, others: number[] = []) => {
    info.uses += 1;
    observe(info, ms, () => others);
  };

  it('sends a statement unnamed once its runs take twenty times its best and far longer than a busy event loop (a generic plan gone wrong)', () => {
    const info = fresh();
    for (let i = 0; i < 6; i++) run(info, 2);
    expect(info.unnamed).toBe(false);
    for (let i = 0; i < 5; i++) run(info, 100, [7, 7]); // a burst passes
    for (let i = 0; i < 20; i++) run(info, 7, [7, 7]);
    expect(info.unnamed).toBe(false);
    // The member list's generic plan, measured, beside the session's lookup and the other reads.
    for (let i = 0; i < 40 && !info.unnamed; i++) run(info, 130, [5, 8, 11]);
    expect(info.unnamed).toBe(true);
  });

  it('leaves alone a statement as slow as the others running now (a busy machine slows them all), or with none beside it', () => {
    const info = fresh();
    for (let i = 0; i < 6; i++) run(info, 1.6);
    for (let i = 0; i < 50; i++) run(info, 63, [40, 70, 90]); // the session's lookup, seen so on a busy machine
    expect(info.unnamed).toBe(false);
    for (let i = 0; i < 40; i++) run(info, 130); // nothing else running: load or plan, no telling
    expect(info.unnamed).toBe(false);
    for (let i = 0; i < 40 && !info.unnamed; i++) run(info, 130, [9, 12]); // then alone slow: gone wrong
    expect(info.unnamed).toBe(true);
  });

  it('leaves alone a statement that is only slower under load, or slow in every plan', () => {
    const loaded = fresh();
    for (let i = 0; i < 6; i++) run(loaded, 2);
    for (let i = 0; i < 50; i++) run(loaded, i % 10 === 0 ? 100 : 24); // a healthy read's p99 under load, and its outliers
    expect(loaded.unnamed).toBe(false);
    const slow = fresh();
    for (let i = 0; i < 50; i++) run(slow, 400); // slow from its first run: no plan was better
    expect(slow.unnamed).toBe(false);
    const quick = fresh();
    for (let i = 0; i < 6; i++) run(quick, 0.1);
    for (let i = 0; i < 50; i++) run(quick, 5); // 50× but nothing worth planning for
    expect(quick.unnamed).toBe(false);
  });
});
