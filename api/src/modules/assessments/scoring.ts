/**
 * How an indicator is scored against its targets, and a scorecard totalled and ranked. Pure.
 *
 * The project's rule (DOMAIN-RULES §9: 必达/挑战 are project-defined): reaching the must-reach
 * target (必达) earns 60 of 100 — a pass; reaching the stretch target (挑战) earns 100; in between
 * the score rises in proportion; below the must-reach target it falls in proportion towards 0.
 * A scorecard's total is the weighted mean of the indicators that could be scored.
 */

export const ScoreLevel = {
  STRETCH: 'STRETCH', // 挑战目标达成
  MUST: 'MUST', // 必达目标达成
  MISSED: 'MISSED', // 必达目标未达成
  NO_DATA: 'NO_DATA', // nothing to measure in the span (e.g. no transfer letter issued)
  NO_SOURCE: 'NO_SOURCE', // no installed module measures it
  NOT_SCORED: 'NOT_SCORED', // evidence submitted, not yet scored by the assessors
} as const;
export type ScoreLevel = (typeof ScoreLevel)[keyof typeof ScoreLevel];

export const MUST_POINTS = 60;
export const STRETCH_POINTS = 100;

export interface Targets {
  mustReach: number;
  stretch: number;
  /** False where less is better (days taken): then stretch ≤ mustReach. */
  higherIsBetter: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Whether the targets are in the right order (the stretch target beyond the must-reach one). */
export const targetsInOrder = (t: Targets) => (t.higherIsBetter ? t.stretch >= t.mustReach : t.stretch <= t.mustReach);

export function scoreOf(value: number | null, t: Targets): { score: number | null; level: ScoreLevel } {
  if (value === null) return { score: null, level: ScoreLevel.NO_DATA };
  // Turn "less is better" into "more is better" by negating, so one rule serves both.
  const [v, must, stretch] = t.higherIsBetter ? [value, t.mustReach, t.stretch] : [-value, -t.mustReach, -t.stretch];
  if (v >= stretch) return { score: STRETCH_POINTS, level: ScoreLevel.STRETCH };
  if (v >= must) return { score: round1(MUST_POINTS + ((STRETCH_POINTS - MUST_POINTS) * (v - must)) / (stretch - must)), level: ScoreLevel.MUST };
  // Below the must-reach target: in proportion to how much of it was reached.
  const reached = t.higherIsBetter ? (must > 0 ? Math.max(0, value) / must : 0) : value > 0 ? t.mustReach / value : 0;
  // Capped under the pass mark, so a near miss never reads as 60.
  return { score: Math.min(MUST_POINTS - 0.1, round1(MUST_POINTS * Math.min(1, Math.max(0, reached)))), level: ScoreLevel.MISSED };
}

/** The weighted mean of the scored indicators; null when none could be scored. */
export function totalOf(rows: readonly { weight: number; score: number | null }[]): number | null {
  const scored = rows.filter((r) => r.score !== null && r.weight > 0);
  const weight = scored.reduce((n, r) => n + r.weight, 0);
  return weight > 0 ? round1(scored.reduce((n, r) => n + r.weight * r.score!, 0) / weight) : null;
}

/** Competition ranking (1, 2, 2, 4) by total, highest first; those without a total come last, unranked. */
export function rankOf<K>(totals: ReadonlyMap<K, number | null>): Map<K, number | null> {
  const sorted = [...totals.values()].filter((t): t is number => t !== null).sort((a, b) => b - a);
  return new Map([...totals].map(([k, t]) => [k, t === null ? null : sorted.indexOf(t) + 1]));
}
