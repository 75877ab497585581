/**
 * Sign-in throttling, kept in PostgreSQL so every API process shares it. Failures are counted per
 * account (the login typed) and per source address within a 15-minute window; past a few
 * failures the key is locked for a growing time. A locked key is refused before the password is
 * checked, so a lock also stops password guessing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';

const WINDOW_MINUTES = 15;

/** Seconds locked after the n-th failure in the window. */
export function lockSeconds(kind: 'account' | 'ip', failures: number): number {
  if (kind === 'account') {
    if (failures < 3) return 0;
    if (failures === 3) return 5; // slow down…
    if (failures === 4) return 15;
    return Math.min(60 * 2 ** (failures - 5), 3600); // …then lock: 1, 2, 4 … 60 minutes
  }
  return failures < 20 ? 0 : Math.min(60 * 2 ** (failures - 20), 3600);
}

export const throttleKeys = (login: string, ip: string | null) => ({ account: `account:${login}`, ip: ip ? `ip:${ip}` : null });

/** Throws RATE_LIMITED (with `retryAfterSeconds`) if any of the keys is locked now. */
export async function assertNotLocked(em: EntityManager, keys: (string | null)[]): Promise<void> {
  const present = keys.filter((k): k is string => k !== null);
  const [row] = await em.execute<{ retry: number | null }[]>(
    `select ceil(extract(epoch from max(locked_until) - now()))::int as retry
       from auth_throttle where key in (?) and locked_until > now()`,
    [present],
  );
  if (row?.retry) {
    throw new AppError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins. Try again in ${row.retry} seconds.`, {
      retryAfterSeconds: row.retry,
    });
  }
}

/** Counts a failure for each key, atomically, and sets its lock. */
export async function recordFailure(em: EntityManager, keys: { account: string; ip: string | null }): Promise<void> {
  for (const [kind, key] of [['account', keys.account], ['ip', keys.ip]] as const) {
    if (!key) continue;
    const [row] = await em.execute<{ failures: number }[]>(
      `insert into auth_throttle (key, failures, window_started_at, locked_until) values (?, 1, now(), null)
       on conflict (key) do update set
         failures = case when auth_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES}) then 1 else auth_throttle.failures + 1 end,
         window_started_at = case when auth_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES}) then now() else auth_throttle.window_started_at end
       returning failures`,
      [key],
    );
    const seconds = lockSeconds(kind, row!.failures);
    if (seconds > 0) await em.execute(`update auth_throttle set locked_until = now() + make_interval(secs => ?) where key = ?`, [seconds, key]);
  }
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearAccount(em: EntityManager, accountKey: string): Promise<void> {
  await em.execute('delete from auth_throttle where key = ?', [accountKey]);
}
