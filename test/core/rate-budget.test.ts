/**
 * Rate budgets under concurrency (api/src/core/http/rate-budget.ts), on real PostgreSQL: charges
 * that arrive together are recorded by one statement, yet each is settled as if it had been
 * recorded alone — exactly the budget's worth succeed, each with its own remaining count, across
 * two "processes" (two ORMs, two batchers) charging the same keys at once.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAppOrm } from '../../api/src/app.js';
import { RateBudgets } from '../../api/src/core/http/rate-budget.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('rate budgets under concurrency', () => {
  let db: TestDatabase;
  let orms: Awaited<ReturnType<typeof openAppOrm>>[];
  const limits = { windowSeconds: 3600, anonymous: 10, user: 10, apiKey: 0 };

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    orms = await Promise.all([0, 1].map(() => openAppOrm({ databaseUrl: db.url, log: pino({ level: 'silent' }) })));
  });
  afterAll(async () => {
    await Promise.all((orms ?? []).map((orm) => orm.close()));
    await db?.drop();
  });

  it('records concurrent charges together and settles each in order: the budget’s worth pass, the rest are refused', async () => {
    const budgets = new RateBudgets(orms[0]!, limits);
    const execute = vi.spyOn(orms[0]!.em.getConnection(), 'execute');
    const payer = { key: 'ip:203.0.113.1', limit: 10 };
    const other = { key: 'ip:203.0.113.2', limit: 10 };
    const results = await Promise.allSettled([...Array.from({ length: 25 }, () => budgets.charge(payer, 1)), ...Array.from({ length: 3 }, () => budgets.charge(other, 2))]);
    const passed = results.slice(0, 25).filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ remaining: number }>).value.remaining);
    expect(passed.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const refused = results.slice(0, 25).filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.extensions);
    expect(refused).toHaveLength(15);
    for (const e of refused) expect(e).toMatchObject({ code: 'RATE_LIMITED', budget: { limit: 10, remaining: 0 } });
    // The other key: its own budget, 2 points a charge.
    expect(results.slice(25).map((r) => (r as PromiseFulfilledResult<{ remaining: number }>).value.remaining)).toEqual([8, 6, 4]);
    // Far fewer statements than charges (they arrived in the same turn: one statement).
    expect(execute.mock.calls.filter(([sql]) => String(sql).includes('rate_budget')).length).toBeLessThan(5);
    execute.mockRestore();
    expect(await db.query(`select key, used from rate_budget order by key`)).toEqual([
      { key: 'ip:203.0.113.1@3600s', used: 25 },
      { key: 'ip:203.0.113.2@3600s', used: 6 },
    ]);
  });

  it('shares one budget between processes charging the same keys at once, without deadlock or lost charges', async () => {
    const [a, b] = orms.map((orm) => new RateBudgets(orm, limits));
    const keys = ['user:1', 'user:2', 'user:3'].map((key) => ({ key, limit: 40 }));
    const charges: Promise<unknown>[] = [];
    // Waves of charges from both, each wave in its own turn so that they interleave.
    for (let wave = 0; wave < 10; wave++) {
      for (const payer of keys) charges.push(a!.charge(payer, 1), b!.charge(payer, 1), a!.charge(payer, 1), b!.charge(payer, 1), b!.charge(payer, 1));
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.allSettled(charges);
    // 50 charges of 1 point per key against a budget of 40: exactly 40 pass.
    for (const [i] of keys.entries()) {
      const mine = results.filter((_, j) => Math.floor(j / 5) % 3 === i);
      expect(mine.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    }
    expect((await db.query<{ used: number }>(`select used from rate_budget where key like 'user:%' order by key`)).map((r) => r.used)).toEqual([50, 50, 50]);
  });
});
