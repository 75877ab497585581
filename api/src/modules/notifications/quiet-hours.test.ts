import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './quiet-hours.js';

// China time is UTC+8: 22:00 in Beijing is 14:00 UTC.
const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('quiet hours (22:00–07:00 China time)', () => {
  const at = (iso: string) => afterQuietHours(beijing(iso), 22 * 60, 7 * 60);
  it('holds a message sent at night until seven in the morning', () => {
    expect(at('2026-11-30T23:15:00')).toEqual(beijing('2026-12-01T07:00:00'));
    expect(at('2026-12-01T03:59:30')).toEqual(beijing('2026-12-01T07:00:00'));
    expect(at('2026-11-30T22:00:00')).toEqual(beijing('2026-12-01T07:00:00'));
  });
  it('lets a message sent in the day go at once', () => {
    expect(at('2026-11-30T07:00:00')).toEqual(beijing('2026-11-30T07:00:00'));
    expect(at('2026-11-30T21:59:59')).toEqual(beijing('2026-11-30T21:59:59'));
  });
  it('handles a window inside one day, and none', () => {
    expect(afterQuietHours(beijing('2026-11-30T12:30:00'), 12 * 60, 14 * 60)).toEqual(beijing('2026-11-30T14:00:00'));
    const now = beijing('2026-11-30T23:00:00');
    expect(afterQuietHours(now, 0, 0)).toEqual(now);
  });
});
