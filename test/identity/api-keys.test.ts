/** API clients and effective permissions, through the real endpoint. */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, userId, withToken } from '../support/identity.js';


// Keys have a budget here (suites turn budgets off by default), so a key's page can show it.
const { db, api, as } = useSuite({ env: { RATE_LIMIT_API_KEY: '100000' }, actors: ['groupAdmin', 'plantAdmin', 'powerAdmin', 'member'] });
const { groupAdmin, plantAdmin, powerAdmin, member } = as;

const CREATE = `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { key apiClient { id name keyPrefix scopes lastUsedAt } userErrors { code field } } }`;
const huayou = gid('Enterprise', 1);

describe('API clients', () => {
  let key: string;
  let clientId: string;

  it('are created by an enterprise’s top-level admins only; the key is shown once and stored hashed', async () => {
    expect(outcome(await plantAdmin(CREATE, { i: { enterpriseId: huayou, name: '大屏', scopes: ['PUBLIC_READ'] } }), 'apiClientCreate')).toBe('FORBIDDEN');
    expect(outcome(await powerAdmin(CREATE, { i: { enterpriseId: huayou, name: '大屏', scopes: ['PUBLIC_READ'] } }), 'apiClientCreate')).toBe('FORBIDDEN');
    expect((await groupAdmin(CREATE, { i: { enterpriseId: huayou, name: '  ', scopes: ['PUBLIC_READ'] } })).data!.apiClientCreate.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'name'] },
    ]);
    const res = await groupAdmin(CREATE, { i: { enterpriseId: huayou, name: '党建大屏', scopes: ['PUBLIC_READ'] } });
    const payload = res.data!.apiClientCreate;
    expect(payload.userErrors).toEqual([]);
    key = payload.key;
    clientId = payload.apiClient.id;
    expect(key).toMatch(/^djk_[A-Za-z0-9_-]{43}$/);
    expect(payload.apiClient).toMatchObject({ name: '党建大屏', keyPrefix: key.slice(0, 12), scopes: ['PUBLIC_READ'], lastUsedAt: null });
    const stored = await db.query<{ key_hash: string }>('select key_hash from api_client');
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = await groupAdmin(`{ enterprise(slug: "huayou") { apiClients { name keyPrefix } } }`);
    expect(listed.data!.enterprise.apiClients).toEqual([{ name: '党建大屏', keyPrefix: key.slice(0, 12) }]);
    expect((await powerAdmin(`{ enterprise(slug: "huayou") { apiClients { name } } }`)).data!.enterprise.apiClients).toEqual([]);
  });

  it('a key reads inside its own enterprise only, and writes nothing', async () => {
    const app = withToken(api, key);
    const viewer = await app(`{ viewer { kind apiClient { name scopes } } enterprises(first: 10) { totalCount nodes { slug } } }`);
    expect(viewer.data).toEqual({ viewer: { kind: 'API_CLIENT', apiClient: { name: '党建大屏', scopes: ['PUBLIC_READ'] } }, enterprises: { totalCount: 1, nodes: [{ slug: 'huayou' }] } });
    const other = await app(`query($id: ID!) { portal(slug: "jiangchuan") { title } node(id: $id) { id } }`, { id: gid('Organization', await orgId(db, '江川供电有限公司党委')) });
    expect(other.data).toEqual({ portal: null, node: null });
    const own = await app(`{ portal(slug: "huayou-caiyou1") { title organization { descendants(first: 1) { totalCount } } } }`);
    expect(own.data!.portal.title).toBe('第一采油厂党建网');
    const write = await app(`mutation($id: ID!) { organizationUpdate(id: $id, input: { name: "改名" }) { userErrors { code } } }`, { id: gid('Organization', await orgId(db, '第一采油厂党委')) });
    expect(outcome(write, 'organizationUpdate')).toBe('FORBIDDEN');
    const [row] = await db.query<{ last_used_at: Date | null }>('select last_used_at from api_client');
    expect(row!.last_used_at).not.toBeNull();
  });

  it('shows its last use (time and address) and its budget, and rotates with a grace period for the old key', async () => {
    const LIST = `{ enterprise(slug: "huayou") { apiClients { id keyPrefix lastUsedAt lastUsedIp rotatedAt previousKeyValidUntil rateBudget { limit used windowSeconds } } } }`;
    const [listed] = (await groupAdmin(LIST)).data!.enterprise.apiClients.filter((c: { id: string }) => c.id === clientId);
    expect(listed).toMatchObject({ lastUsedAt: expect.any(String), lastUsedIp: expect.stringMatching(/127\.0\.0\.1/), rotatedAt: null, rateBudget: { limit: 100000, used: expect.any(Number), windowSeconds: 60 } });
    expect(listed.rateBudget.used).toBeGreaterThan(0);
    const ROTATE = `mutation($id: ID!, $h: Int) { apiClientRotate(id: $id, graceHours: $h) { key apiClient { keyPrefix rotatedAt previousKeyValidUntil } userErrors { code field } } }`;
    expect(outcome(await powerAdmin(ROTATE, { id: clientId, h: 1 }), 'apiClientRotate')).toBe('FORBIDDEN');
    expect((await groupAdmin(ROTATE, { id: clientId, h: 500 })).data!.apiClientRotate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'graceHours'] }]);
    const rotated = (await groupAdmin(ROTATE, { id: clientId, h: 1 })).data!.apiClientRotate;
    expect(rotated.key).not.toBe(key);
    expect(rotated.apiClient.keyPrefix).toBe(rotated.key.slice(0, 12));
    expect(new Date(rotated.apiClient.previousKeyValidUntil).getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
    // Both keys work during the grace period; once it is over, only the new one.
    for (const k of [key, rotated.key]) expect((await withToken(api, k)(`{ viewer { kind } }`)).data!.viewer.kind).toBe('API_CLIENT');
    await db.query(`update api_client set previous_key_valid_until = now() - interval '1 second'`);
    expect((await withToken(api, key)(`{ viewer { kind } }`)).status).toBe(401);
    key = rotated.key;
    expect((await withToken(api, key)(`{ viewer { kind } }`)).data!.viewer.kind).toBe('API_CLIENT');
  });

  it('stops working the moment it is revoked', async () => {
    const revoke = `mutation($id: ID!) { apiClientRevoke(id: $id) { apiClient { revokedAt } userErrors { code } } }`;
    expect(outcome(await powerAdmin(revoke, { id: clientId }), 'apiClientRevoke')).toBe('FORBIDDEN');
    expect(outcome(await groupAdmin(revoke, { id: clientId }), 'apiClientRevoke')).toBe('OK');
    const res = await withToken(api, key)(`{ viewer { kind } }`);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await db.query(`select 1 from audit_event where action in ('apiClient.create', 'apiClient.rotate', 'apiClient.revoke')`)).length).toBe(3);
  });
});

describe('effective permissions', () => {
  const QUERY = `query($o: ID!, $u: ID) { effectivePermissions(organizationId: $o, userId: $u) {
    user { displayName } permissions { action allowed public viaPlatformAdmin grantedBy { role organization { name } } } } }`;
  type Row = { action: string; allowed: boolean };
  const by = (rows: Row[]): Record<string, Row> => Object.fromEntries(rows.map((r) => [r.action, r]));

  it('shows an admin which membership grants what, down the tree', async () => {
    const res = await groupAdmin(QUERY, { o: gid('Organization', await orgId(db, '采油一队党支部')), u: gid('User', await userId(db, DEMO.plantAdmin)) });
    expect(res.errors).toBeUndefined();
    const rows = by(res.data!.effectivePermissions.permissions);
    expect(res.data!.effectivePermissions.user.displayName).toBe('李红梅');
    expect(rows.read).toEqual({ action: 'read', allowed: true, public: true, viaPlatformAdmin: false, grantedBy: [] });
    for (const action of ['update', 'createChild', 'move', 'archive', 'readMembers', 'manageMembers', 'manageAdmins', 'readAudit']) {
      expect(rows[action], action).toEqual({ action, allowed: true, public: false, viaPlatformAdmin: false, grantedBy: [{ role: 'ORG_ADMIN', organization: { name: '第一采油厂党委' } }] });
    }
  });

  it('at the admin’s own organisation: no move, archive or admin-making there', async () => {
    const rows = by((await plantAdmin(QUERY, { o: gid('Organization', await orgId(db, '第一采油厂党委')) })).data!.effectivePermissions.permissions);
    expect(rows.update!.allowed).toBe(true);
    expect(rows.move!.allowed).toBe(false);
    expect(rows.archive!.allowed).toBe(false);
    expect(rows.manageAdmins!.allowed).toBe(false);
  });

  it('a member may inspect themself (nothing beyond reading), but not others', async () => {
    const rows = by((await member(QUERY, { o: gid('Organization', await orgId(db, '采油一队党支部')) })).data!.effectivePermissions.permissions);
    expect(Object.values(rows).filter((r: any) => r.allowed).map((r: any) => r.action)).toEqual(['read']);
    const other = await member(QUERY, { o: gid('Organization', await orgId(db, '采油一队党支部')), u: gid('User', await userId(db, DEMO.branchEditor)) });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sideways = await plantAdmin(QUERY, { o: gid('Organization', await orgId(db, '炼化分公司党委')), u: gid('User', await userId(db, DEMO.refineryAdmin)) });
    expect(sideways.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
