/**
 * Metrics: figures of Party work that a module measures from its own data over an organisation's
 * subtree and a span (declared in `defineModule({ metrics })`; assessment reads them). Helpers here
 * keep each module's measuring one statement for all the scopes asked.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** What a figure measures in: a percentage (0–100), hours, a count, or days. */
export type MetricUnit = 'PERCENT' | 'HOURS' | 'COUNT' | 'DAYS';

/** An organisation whose subtree a metric measures. */
export interface MetricScope {
  id: number;
  path: string;
  enterpriseId: number;
}

/** The span measured: [from, to), and the instant of measuring (cycles still running are not judged). */
export interface MetricSpan {
  from: Date;
  to: Date;
  now: Date;
}

/**
 * A figure of Party work a module measures from its own data over an organisation's subtree and a
 * span — assessment indicators (考核) are built on these. Where no installed module measures a key,
 * readers say the source does not exist instead of showing zero.
 */
export interface Metric {
  /** Stable, `<module>.<figure>`, e.g. `dues.onTime`. */
  key: string;
  label: string;
  unit: MetricUnit;
  /** How it is measured, in Chinese, shown beside the figure. */
  definition: string;
  /** False where less is better (e.g. days taken). */
  higherIsBetter: boolean;
  /** Each scope's value (null: nothing to measure in the span). One batch for all scopes. */
  measure(em: EntityManager, scopes: readonly MetricScope[], span: MetricSpan): Promise<Map<number, number | null>>;
}

/**
 * The scopes as a row source for SQL — `unnest(?::int[], ?::text[]) as s(id, path)` — and its two
 * parameters; join `organization o on o.path like s.path || '%'` to reach each subtree.
 */
export const SCOPES = `unnest(?::int[], ?::text[]) as s(id, path)`;
export const scopeParams = (scopes: readonly MetricScope[]): [string, string] => [
  `{${scopes.map((s) => s.id).join(',')}}`,
  // Paths are digits and slashes (organization_path_format), safe in an array literal.
  `{${scopes.map((s) => `"${s.path}"`).join(',')}}`,
];

/** part / whole as a percentage with one decimal, or null when there is nothing to measure. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/** The day (YYYY-MM-DD) and month (YYYY-MM) of an instant in China. */
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
export const chinaMonth = (d: Date) => chinaDay(d).slice(0, 7);
