/**
 * Quiet hours, in China time (Asia/Shanghai, UTC+8 all year): no SMS from `from` until `until`
 * (minutes after midnight; the window may cross midnight, 22:00–07:00 by default). A message due
 * inside the window waits until it ends.
 */
const CHINA_OFFSET_MINUTES = 8 * 60;
const DAY = 24 * 60;

/** The earliest time at or after `now` outside the quiet window. */
export function afterQuietHours(now: Date, from: number, until: number): Date {
  if (from === until) return now; // no quiet window
  const minuteOfDay = (((Math.floor(now.getTime() / 60_000) + CHINA_OFFSET_MINUTES) % DAY) + DAY) % DAY;
  const inside = from < until ? minuteOfDay >= from && minuteOfDay < until : minuteOfDay >= from || minuteOfDay < until;
  if (!inside) return now;
  const wait = (until - minuteOfDay + DAY) % DAY;
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return new Date(start.getTime() + wait * 60_000);
}
