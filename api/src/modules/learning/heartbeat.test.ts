import { describe, expect, it } from 'vitest';
import { credit } from './heartbeat.js';

const t0 = new Date('2026-11-30T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe('study heartbeats', () => {
  it('credits wall time between beats while a video plays on, and completes it at 90 %', () => {
    let s = { credited: 0, position: 0 };
    let last: Date | null = null;
    for (let i = 0; i <= 10; i++) {
      const r = credit({ mode: 'VIDEO', requiredSeconds: 150, credited: s.credited, lastPosition: s.position, lastBeatAt: last, now: at(i * 15), position: i * 15 });
      s = r;
      last = at(i * 15);
      if (i === 9) expect(r.complete).toBe(true); // 135 s of 150
    }
  });

  it('does not complete a video by jumping to its end', () => {
    const first = credit({ mode: 'VIDEO', requiredSeconds: 600, credited: 0, lastPosition: 0, lastBeatAt: null, now: at(0), position: 0 });
    const jumped = credit({ mode: 'VIDEO', requiredSeconds: 600, credited: first.credited, lastPosition: 0, lastBeatAt: at(0), now: at(15), position: 599 });
    expect(jumped).toEqual({ credited: 15, position: 599, complete: false });
  });

  it('credits nothing for a gap (a new sitting) and at most a beat and a half otherwise', () => {
    expect(credit({ mode: 'READ', requiredSeconds: 60, credited: 10, lastPosition: 0, lastBeatAt: at(0), now: at(600), position: 0 }).credited).toBe(10);
    expect(credit({ mode: 'READ', requiredSeconds: 60, credited: 10, lastPosition: 0, lastBeatAt: at(0), now: at(20), position: 0 }).credited).toBe(30);
    expect(credit({ mode: 'READ', requiredSeconds: 60, credited: 50, lastPosition: 0, lastBeatAt: at(0), now: at(15), position: 0 })).toMatchObject({ credited: 60, complete: true });
  });
});
