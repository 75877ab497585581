/** Money as people type and read it, kept in fen (分) as integers. */

/** "1,234.56" from 123456 fen. */
export const yuan = (fen: number) => `${Math.trunc(fen / 100).toLocaleString('en')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** Whole fen from a yuan amount as people type it ("5000", "5,000.5", "5000.50"); null if it is not one. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9}(?:,\d{3})*|\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(whole) || whole > 10_000_000) return null;
  return whole * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
