/**
 * Rate budgets: every operation is charged its cost (core/graphql/limits.ts) against the caller's
 * budget for the current fixed window — per API key, per signed-in user, per anonymous address —
 * with one upsert in PostgreSQL, so several API processes share one budget. Over budget, the
 * operation runs nothing and gets RATE_LIMITED with `retryAfterSeconds` (and HTTP 429).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../authz/ability.js';
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

export class RateBudgets {
  constructor(
    private readonly orm: MikroORM,
    readonly limits: RateLimits,
  ) {}

  /** Charges `points` to the budget of `key`; throws RATE_LIMITED once it is spent. */
  async charge(payer: { key: string; limit: number }, points: number): Promise<BudgetState> {
    const window = this.limits.windowSeconds;
    // This statement is the platform's, not the request's (statement counts). No EntityManager
    // fork: nothing here needs one, and forking on every request shows in a profile.
    const [row] = await platformStatements(() => this.orm.em.getConnection().execute<{ used: number; window_start: Date }[]>(
      `insert into rate_budget (key, window_start, used, budget_limit)
       values (?, to_timestamp(floor(extract(epoch from now()) / ?) * ?), ?, ?)
       on conflict (key) do update set
         used = case when rate_budget.window_start = excluded.window_start then rate_budget.used + excluded.used else excluded.used end,
         window_start = excluded.window_start,
         budget_limit = excluded.budget_limit
       returning used, window_start`,
      // The window length is part of the key: processes configured differently never share a row.
      [`${payer.key}@${window}s`, window, window, points, payer.limit],
      'all',
    ));
    const resetAt = new Date(new Date(row!.window_start).getTime() + window * 1000);
    const state = { limit: payer.limit, remaining: Math.max(payer.limit - row!.used, 0), resetAt };
    if (row!.used > payer.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
      throw new AppError(ErrorCode.RATE_LIMITED, `Rate budget spent: ${payer.limit} points per ${window} s. Try again in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
        budget: { ...state, resetAt: resetAt.toISOString() },
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      });
    }
    // Old windows are dead weight; clear them now and then, never on every request.
    if (Math.random() < 0.001) void platformStatements(() => this.orm.em.fork().execute(`delete from rate_budget where window_start < now() - interval '1 day'`)).catch(() => {});
    return state;
  }
}
