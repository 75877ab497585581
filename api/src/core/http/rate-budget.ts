/**
 * Rate budgets: every operation is charged its cost (core/graphql/limits.ts) against the caller's
 * budget for the current fixed window — per API key, per signed-in user, per anonymous address —
 * recorded in PostgreSQL by upsert, so several API processes share one budget. Over budget, the
 * operation runs nothing and gets RATE_LIMITED with `retryAfterSeconds` (and HTTP 429).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../authz/ability.js';
import { PREPARE } from '../db/prepared-reads.js';
import { platformStatements } from '../db/statement-counter.js';
import { AppError, ErrorCode } from '../graphql/errors.js';

export interface RateLimits {
  windowSeconds: number;
  anonymous: number;
  user: number;
  apiKey: number;
}

export interface BudgetState {
  limit: number;
  remaining: number;
  resetAt: Date;
}

/** Who pays, and how much they have; null when that kind of caller has no budget. */
export function budgetKey(viewer: Viewer, limits: RateLimits): { key: string; limit: number } | null {
  switch (viewer.kind) {
    case 'apiClient':
      return limits.apiKey ? { key: `key:${viewer.apiClientId}`, limit: limits.apiKey } : null;
    case 'user':
      return limits.user ? { key: `user:${viewer.userId}`, limit: limits.user } : null;
    case 'anonymous':
      return limits.anonymous ? { key: `ip:${viewer.ip ?? 'unknown'}`, limit: limits.anonymous } : null;
    default:
      return null;
  }
}

/** One operation's charge, waiting for the statement that records it. */
interface Pending {
  payer: { key: string; limit: number };
  /** The row's key: the payer's, with the window length (processes configured differently never share a row). */
  row: string;
  points: number;
  resolve: (state: BudgetState) => void;
  reject: (error: unknown) => void;
}

/**
 * The charges made while the last statement ran, recorded together: one row per key, summed —
 * keys in order, so that two processes charging the same keys lock them in the same order.
 */
const CHARGE = `/* ${PREPARE} */ insert into rate_budget (key, window_start, used, budget_limit)
  select c.key, to_timestamp(floor(extract(epoch from now()) / ?) * ?), c.points, c.budget_limit
    from json_to_recordset(?::json) as c(key text, points int, budget_limit int)
  order by c.key
  on conflict (key) do update set
    used = case when rate_budget.window_start = excluded.window_start then rate_budget.used + excluded.used else excluded.used end,
    window_start = excluded.window_start,
    budget_limit = excluded.budget_limit
  returning key, used, window_start`;

export class RateBudgets {
  /** Charges not yet sent; sent together by the next statement. */
  #pending: Pending[] = [];
  #flushing = false;

  constructor(
    private readonly orm: MikroORM,
    readonly limits: RateLimits,
  ) {}

  /**
   * Charges `points` to the budget of `key`; throws RATE_LIMITED once it is spent. The charge is
   * in PostgreSQL before this returns, exactly as if alone; but charges arriving while the
   * previous statement runs wait for it and go in the next one, together — under load one
   * statement serves many operations instead of an upsert each (issue #19: the upsert had cost
   * as much as the read it guarded).
   */
  charge(payer: { key: string; limit: number }, points: number): Promise<BudgetState> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ payer, row: `${payer.key}@${this.limits.windowSeconds}s`, points, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        // After the I/O of this turn: requests that arrived together are charged together.
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const rows = await this.#record(batch);
      this.#settle(batch, rows);
    } catch (error) {
      for (const charge of batch) charge.reject(error);
    }
    if (this.#pending.length) setImmediate(() => void this.#flush());
    else this.#flushing = false;
    // Old windows are dead weight; clear them now and then, never on every request.
    if (Math.random() < 0.001) void platformStatements(() => this.orm.em.fork().execute(`delete from rate_budget where window_start < now() - interval '1 day'`)).catch(() => {});
  }

  /** One statement for the batch: each key's points summed. */
  async #record(batch: Pending[]): Promise<Map<string, { used: number; window_start: Date }>> {
    const window = this.limits.windowSeconds;
    const totals = new Map<string, { key: string; points: number; budget_limit: number }>();
    for (const { payer, row, points } of batch) {
      const total = totals.get(row);
      if (total) total.points += points;
      else totals.set(row, { key: row, points, budget_limit: payer.limit });
    }
    // This statement is the platform's, not the requests' (statement counts). No EntityManager
    // fork: nothing here needs one.
    const rows = await platformStatements(() =>
      this.orm.em.getConnection().execute<{ key: string; used: number; window_start: Date }[]>(CHARGE, [window, window, JSON.stringify([...totals.values()])], 'all'),
    );
    return new Map(rows.map((r) => [r.key, r]));
  }

  /** Each charge its own place in its key's total, in the order they came: as if recorded one by one. */
  #settle(batch: Pending[], rows: Map<string, { used: number; window_start: Date }>): void {
    const window = this.limits.windowSeconds;
    const after = new Map<string, number>();
    // What the later charges of a key added, subtracted from the key's total, gives each charge's `used`.
    for (let i = batch.length - 1; i >= 0; i--) {
      const { payer, row: key, points } = batch[i]!;
      const row = rows.get(key)!;
      const later = after.get(key) ?? 0;
      after.set(key, later + points);
      const used = row.used - later;
      const resetAt = new Date(new Date(row.window_start).getTime() + window * 1000);
      const state = { limit: payer.limit, remaining: Math.max(payer.limit - used, 0), resetAt };
      if (used <= payer.limit) {
        batch[i]!.resolve(state);
        continue;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
      batch[i]!.reject(
        new AppError(ErrorCode.RATE_LIMITED, `Rate budget spent: ${payer.limit} points per ${window} s. Try again in ${retryAfterSeconds} s.`, {
          retryAfterSeconds,
          budget: { ...state, resetAt: resetAt.toISOString() },
          http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
        }),
      );
    }
  }
}
