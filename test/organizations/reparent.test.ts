/** Moving a subtree: paths rewritten in one transaction; cycles and illegal moves refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../api/src/core/graphql/errors.js';
import { createLogger } from '../../api/src/core/log.js';
import { openAppOrm } from '../../api/src/app.js';
import { systemActor } from '../../api/src/core/authz/check.js';
import { createOrganization, moveOrganization as moveAs } from '../../api/src/modules/organizations/organization.service.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openAppOrm>>;

beforeAll(async () => {
  db = await createTestDatabase('demo');
  orm = await openAppOrm({ databaseUrl: db.url, log: createLogger('silent') });
});
afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

const em = () => orm.em.fork();
const system = systemActor();
const moveOrganization = (e: ReturnType<typeof em>, id: number, parentId: number) => moveAs(e, system, id, parentId);

async function idOf(name: string, parentName?: string): Promise<number> {
  const rows = await db.query<{ id: number }>(
    parentName
      ? 'select o.id from organization o join organization p on p.id = o.parent_id where o.name = $1 and p.name = $2'
      : 'select id from organization where name = $1',
    parentName ? [name, parentName] : [name],
  );
  expect(rows, name).toHaveLength(1);
  return rows[0]!.id;
}

/** Every row's path must be its parent's path plus its own id, and depth must match. */
async function assertTreeConsistent(): Promise<void> {
  const broken = await db.query(
    `select o.id, o.path, o.depth, p.path as parent_path from organization o left join organization p on p.id = o.parent_id
      where o.path <> coalesce(p.path, '/') || o.id || '/' or o.depth <> coalesce(p.depth + 1, 0)`,
  );
  expect(broken).toEqual([]);
}

async function expectError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect((error as AppError | null)?.extensions?.code, String(error)).toBe(code);
  if (field) expect((error as AppError).extensions.field).toBe(field);
  return error as AppError;
}

describe('moveOrganization', () => {
  it('moves a general branch with its whole subtree and rewrites every path and depth', async () => {
    const mine = await idOf('采油二矿党总支');
    const refinery = await idOf('炼化分公司党委');
    const before = await db.query<{ name: string }>(
      `select name from organization where path like (select path from organization where id = $1) || '%' order by path collate "C"`,
      [mine],
    );
    expect(before.map((r) => r.name)).toEqual(['采油二矿党总支', '采油三队党支部', '采油四队党支部', '第一党小组', '第二党小组', '第三党小组']);

    const moved = await moveOrganization(em(), mine, refinery);
    expect(moved.parent?.id).toBe(refinery);

    const after = await db.query<{ name: string; path: string; depth: number }>(
      `select name, path, depth from organization where path like (select path from organization where id = $1) || '%' order by path collate "C"`,
      [mine],
    );
    expect(after.map((r) => r.name)).toEqual(before.map((r) => r.name));
    const [refineryRow] = await db.query<{ path: string }>('select path from organization where id = $1', [refinery]);
    for (const row of after) expect(row.path.startsWith(`${refineryRow!.path}${mine}/`)).toBe(true);
    // Nothing is left under the old parent.
    const oldParent = await idOf('第一采油厂党委');
    const stale = await db.query(`select 1 from organization where parent_id = $1 and id = $2`, [oldParent, mine]);
    expect(stale).toEqual([]);
    await assertTreeConsistent();

    // ...and back again.
    await moveOrganization(em(), mine, oldParent);
    await assertTreeConsistent();
  });

  it('refuses to move an organisation under itself or one of its descendants, changing nothing', async () => {
    const plant = await idOf('第一采油厂党委');
    const team = await idOf('采油一队党支部');
    const snapshot = await db.query('select id, parent_id, path, depth from organization order by id');
    const err1 = await expectError(moveOrganization(em(), plant, team), 'BAD_USER_INPUT', 'parentId');
    expect(err1.message).toMatch(/itself or one of its own descendants/);
    await expectError(moveOrganization(em(), plant, plant), 'BAD_USER_INPUT', 'parentId');
    expect(await db.query('select id, parent_id, path, depth from organization order by id')).toEqual(snapshot);
  });

  it('refuses a move into another enterprise', async () => {
    await expectError(moveOrganization(em(), await idOf('注水队党支部'), await idOf('江川供电有限公司党委')), 'BAD_USER_INPUT', 'parentId');
  });

  it('refuses a move that breaks the level rules (a branch under a Party group)', async () => {
    await expectError(moveOrganization(em(), await idOf('注水队党支部'), await idOf('第一党小组', '采油一队党支部')), 'BAD_USER_INPUT', 'parentId');
  });

  it('answers NOT_FOUND for organisations that do not exist', async () => {
    await expectError(moveOrganization(em(), 999_999, await idOf('炼化分公司党委')), 'NOT_FOUND');
    await expectError(moveOrganization(em(), await idOf('注水队党支部'), 999_999), 'NOT_FOUND');
  });

  it('is a no-op when the parent does not change', async () => {
    const snapshot = await db.query('select id, parent_id, path, depth from organization order by id');
    await moveOrganization(em(), await idOf('注水队党支部'), await idOf('采油一矿党总支'));
    expect(await db.query('select id, parent_id, path, depth from organization order by id')).toEqual(snapshot);
  });

  it('serialises concurrent opposite moves so no cycle can form', async () => {
    // A and B are siblings; moving A under B and B under A at the same moment must not both succeed.
    const a = await idOf('油田工程服务公司党委');
    const b = await idOf('销售分公司党委');
    const results = await Promise.allSettled([moveOrganization(em(), a, b), moveOrganization(em(), b, a)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).extensions.code).toBe('BAD_USER_INPUT');
    await assertTreeConsistent();
  });
});

describe('createOrganization', () => {
  it('places a new branch under its parent with a path ending in its own id', async () => {
    const parent = await idOf('储运部党总支');
    const org = await createOrganization(em(), system, { parentId: parent, level: 'BRANCH', name: '  成品油  装车党支部 ', sortOrder: 30 });
    expect(org.name).toBe('成品油 装车党支部');
    const [row] = await db.query<{ path: string; depth: number; enterprise_id: number }>('select path, depth, enterprise_id from organization where id = $1', [org.id]);
    expect(row!.path).toMatch(new RegExp(`/${parent}/${org.id}/$`));
    expect(row!.depth).toBe(3);
    await assertTreeConsistent();
  });

  it('refuses empty names, illegal levels and roots that are not committees', async () => {
    const parent = await idOf('储运部党总支');
    await expectError(createOrganization(em(), system, { parentId: parent, level: 'BRANCH', name: '   ' }), 'BAD_USER_INPUT', 'name');
    await expectError(createOrganization(em(), system, { parentId: parent, level: 'BRANCH', name: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'name');
    await expectError(createOrganization(em(), system, { parentId: parent, level: 'COMMITTEE', name: '错误的党委' }), 'BAD_USER_INPUT', 'level');
    const [ent] = await db.query<{ id: number }>(`select id from enterprise where slug = 'huayou'`);
    await expectError(createOrganization(em(), system, { enterpriseId: ent!.id, level: 'BRANCH', name: '孤立支部' }), 'BAD_USER_INPUT', 'level');
    await assertTreeConsistent();
  });
});
