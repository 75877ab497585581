/**
 * Prepared reads (api/src/core/db/prepared-reads.ts) on real PostgreSQL, through one connection
 * so that what it prepared can be seen: a read seen twice becomes a named statement with its
 * values as parameters; a read whose parameters PostgreSQL can't type runs inline as before; a
 * connection that has prepared its share is retired; a transaction's reads are left alone.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOrm } from '../../api/src/app.js';
import { MAX_PREPARED_PER_CONNECTION } from '../../api/src/core/db/prepared-reads.js';
import { listById } from '../../api/src/core/graphql/list-by-id.js';
import { Organization } from '../../api/src/modules/organizations/organization.entity.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('prepared reads', () => {
  let db: TestDatabase;
  let orm: Awaited<ReturnType<typeof openAppOrm>>;
  const prepared = async () =>
    (await orm.em.fork().execute<{ name: string; statement: string }[]>(`select name, statement from pg_prepared_statements where name like 'dj\\_%' order by name`)).map((r) => r.statement);

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    orm = await openAppOrm({ databaseUrl: db.url, poolMax: 1, log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('prepares a read seen twice, with its values as parameters, and answers the same', async () => {
    const em = orm.em.fork();
    const sql = `select name from organization where name = ? and id > ?`;
    const first = await em.execute(sql, ['第一采油厂党委', 0]);
    expect(await prepared()).not.toContainEqual(expect.stringContaining('where name = $1 and id > $2'));
    const second = await em.execute(sql, ['第一采油厂党委', 0]);
    const other = await em.execute(sql, ['采油一队党支部', 0]);
    expect(second).toEqual(first);
    expect(first).toEqual([{ name: '第一采油厂党委' }]);
    expect(other).toEqual([{ name: '采油一队党支部' }]);
    expect(await prepared()).toContainEqual(expect.stringContaining('where name = $1 and id > $2'));
  });

  it('sends an in-list as one array: one statement whatever its length, the same rows', async () => {
    const em = orm.em.fork();
    const ids = (await em.execute<{ id: number }[]>(`select id from organization order by id limit 3`)).map((r) => r.id);
    for (const n of [1, 2, 3, 3, 1]) {
      expect((await em.execute<{ id: number }[]>(`select id from organization where id in (?) order by id`, [ids.slice(0, n)])).map((r) => r.id)).toEqual(ids.slice(0, n));
    }
    expect((await prepared()).filter((text) => text.includes('where id = any($1) order by id'))).toHaveLength(1);
  });

  it('runs inline what PostgreSQL cannot type as a parameter', async () => {
    const em = orm.em.fork();
    for (let i = 0; i < 3; i++) expect(await em.execute(`select pg_typeof(?)::text as t`, ['党建'])).toEqual([{ t: 'unknown' }]);
  });

  it('leaves a transaction’s reads to the ORM', async () => {
    await orm.em.fork().transactional(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.execute(`select 1 as inside where ? = ?`, [i, i]);
    });
    expect(await prepared()).not.toContainEqual(expect.stringContaining('as inside'));
  });

  it('plans a list asked to be planned every time for its values: never a prepared statement, the same rows', async () => {
    const em = orm.em.fork();
    const where = { path: { $like: '/1/%' }, level: 'BRANCH' };
    const page = async (planEveryTime: boolean) => (await listById(em, Organization, where as never, { first: 3, after: null, order: 'asc', planEveryTime })).edges.map((e) => e.node.id);
    const planned = [await page(true), await page(true), await page(true)];
    expect((await prepared()).filter((text) => text.includes('"level" = $'))).toEqual([]);
    const preparedPages = [await page(false), await page(false)];
    expect((await prepared()).filter((text) => text.includes('"level" = $'))).toHaveLength(1);
    expect(planned[0]!.length).toBe(3);
    expect([...planned, ...preparedPages].every((ids) => JSON.stringify(ids) === JSON.stringify(planned[0]))).toBe(true);
  });

  it('retires a connection once it has prepared its share', async () => {
    const em = orm.em.fork();
    for (let i = 0; i <= MAX_PREPARED_PER_CONNECTION; i++) {
      for (let use = 0; use < 2; use++) await em.execute(`select ${i} as n where ? > 0`, [1]);
    }
    // The connection that held them is gone; its successor holds only what came after.
    expect((await prepared()).length).toBeLessThan(10);
  });
});
