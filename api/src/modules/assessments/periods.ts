/** An assessment period as people write it — 2026, 2026-H2, 2026-Q4 — and its days. Pure. */
import { badInput } from '../../core/graphql/errors.js';

export const PeriodKind = { YEAR: 'YEAR', HALF: 'HALF', QUARTER: 'QUARTER' } as const;
export type PeriodKind = (typeof PeriodKind)[keyof typeof PeriodKind];

export interface AssessmentPeriod {
  key: string;
  kind: PeriodKind;
  /** First and last day, China dates. */
  startsOn: string;
  endsOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parseAssessmentPeriod(value: string, field = 'period'): AssessmentPeriod {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/.exec(value.trim());
  const year = m ? Number(m[1]) : 0;
  if (!m || year < 2000 || year > 2100) throw badInput('A period like 2026, 2026-H2 or 2026-Q4.', field);
  const part = m[2];
  const [kind, first, months] = !part ? ['YEAR', 1, 12] as const : part[0] === 'H' ? ['HALF', part === 'H1' ? 1 : 7, 6] as const : ['QUARTER', (Number(part[1]) - 1) * 3 + 1, 3] as const;
  const last = first + months - 1;
  return { key: m[0], kind, startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The instants a period spans, [from, to), in China time. */
export const spanOf = (p: { startsOn: string; endsOn: string }) => ({
  from: new Date(`${p.startsOn}T00:00:00+08:00`),
  to: new Date(new Date(`${p.endsOn}T00:00:00+08:00`).getTime() + 24 * 3600_000),
});

/** The period before (2026-Q1 → 2025-Q4): where a missed target's improvement is checked next. */
export function previousPeriod(key: string): string {
  const p = parseAssessmentPeriod(key);
  const year = Number(key.slice(0, 4));
  if (p.kind === 'YEAR') return String(year - 1);
  const n = Number(key.slice(6));
  if (p.kind === 'HALF') return n === 1 ? `${year - 1}-H2` : `${year}-H1`;
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}
