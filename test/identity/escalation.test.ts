/** Escalation attempts, archiving, and reads that must not reveal hidden rows. */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, signIn, userId, withToken } from '../support/identity.js';

const { db, api, as } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'member'] });
const { groupAdmin, plantAdmin, member, anonymous } = as;
const org = async (name: string) => gid('Organization', await orgId(db, name));

const MOVE = `mutation($id: ID!, $p: ID!) { organizationMove(id: $id, parentId: $p) { organization { ancestors { name } } userErrors { code field message } } }`;
const GRANT = `mutation($i: MembershipGrantInput!) { membershipGrant(input: $i) { membership { id } userErrors { code } } }`;
const REVOKE = `mutation($id: ID!) { membershipRevoke(id: $id) { revokedMembershipId userErrors { code } } }`;
const snapshot = () => db.query('select id, parent_id, path, depth, archived_at from organization order by id');

describe('no escalation', () => {
  it('an admin cannot make a peer admin at their own organisation, nor remove their own or a higher admin role', async () => {
    const plant = await org('第一采油厂党委');
    const res = await plantAdmin(GRANT, { i: { userId: gid('User', await userId(db, DEMO.member)), organizationId: plant, role: 'ORG_ADMIN' } });
    expect(outcome(res, 'membershipGrant')).toBe('FORBIDDEN');
    const [own] = await db.query<{ id: number }>(`select m.id from membership m join app_user u on u.id = m.user_id where u.email = $1`, [DEMO.plantAdmin]);
    expect(outcome(await plantAdmin(REVOKE, { id: gid('Membership', own!.id) }), 'membershipRevoke')).toBe('FORBIDDEN');
    const [higher] = await db.query<{ id: number }>(`select m.id from membership m join app_user u on u.id = m.user_id where u.email = $1`, [DEMO.groupAdmin]);
    // The group admin's membership is hidden from the plant admin: not even its existence shows.
    expect(outcome(await plantAdmin(REVOKE, { id: gid('Membership', higher!.id) }), 'membershipRevoke')).toBe('NOT_FOUND');
    expect(await db.query(`select 1 from membership where role = 'ORG_ADMIN'`)).toHaveLength(4);
  });

  it('an admin may make an admin strictly below, and that admin gains exactly that subtree', async () => {
    const mine = await org('采油一矿党总支');
    const editorId = gid('User', await userId(db, DEMO.branchEditor));
    expect(outcome(await plantAdmin(GRANT, { i: { userId: editorId, organizationId: mine, role: 'ORG_ADMIN' } }), 'membershipGrant')).toBe('OK');
    const editor = withToken(api, await signIn(api, DEMO.branchEditor));
    const rename = `mutation($id: ID!) { organizationUpdate(id: $id, input: { sortOrder: 5 }) { userErrors { code } } }`;
    expect(outcome(await editor(rename, { id: await org('采油一队党支部') }), 'organizationUpdate')).toBe('OK');
    expect(outcome(await editor(rename, { id: await org('采油二矿党总支') }), 'organizationUpdate')).toBe('FORBIDDEN');
    expect(outcome(await editor(rename, { id: await org('第一采油厂党委') }), 'organizationUpdate')).toBe('FORBIDDEN');
  });

  it('an admin cannot move their own organisation, or move a subtree out from under themselves', async () => {
    const before = await snapshot();
    expect(outcome(await plantAdmin(MOVE, { id: await org('第一采油厂党委'), p: await org('炼化分公司党委') }), 'organizationMove')).toBe('FORBIDDEN');
    expect(outcome(await plantAdmin(MOVE, { id: await org('采油二矿党总支'), p: await org('炼化分公司党委') }), 'organizationMove')).toBe('FORBIDDEN');
    expect(outcome(await plantAdmin(MOVE, { id: await org('采油二矿党总支'), p: await org('江川供电有限公司党委') }), 'organizationMove')).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('an admin can move within their subtree; a cycle is refused as bad input', async () => {
    const res = await plantAdmin(MOVE, { id: await org('注水队党支部'), p: await org('采油二矿党总支') });
    expect(outcome(res, 'organizationMove')).toBe('OK');
    expect(res.data!.organizationMove.organization.ancestors.map((a: { name: string }) => a.name)).toEqual(['华油能源集团有限公司党委', '第一采油厂党委', '采油二矿党总支']);
    const cycle = await groupAdmin(MOVE, { id: await org('第一采油厂党委'), p: await org('采油一队党支部') });
    expect(cycle.data!.organizationMove.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'parentId'], message: 'An organisation cannot move under itself or one of its own descendants.' },
    ]);
    const audit = await db.query<{ details: { fromParentId: number; toParentId: number } }>(`select details from audit_event where action = 'organization.move'`);
    expect(audit).toHaveLength(1);
  });

  it('members, editors and anonymous callers cannot change the tree', async () => {
    const create = `mutation($p: ID!) { organizationCreate(input: { parentId: $p, name: "擅自成立的党支部", level: BRANCH }) { userErrors { code } } }`;
    expect(outcome(await member(create, { p: await org('采油一队党支部') }), 'organizationCreate')).toBe('FORBIDDEN');
    expect(outcome(await anonymous(create, { p: await org('采油一队党支部') }), 'organizationCreate')).toBe('UNAUTHENTICATED');
  });
});

describe('archiving, and reads that must not leak', () => {
  it('archives a subtree: hidden from lists, counts and node() for others, still visible to admins above', async () => {
    const count = `query($id: ID!) { organization(id: $id) { descendants(first: 100) { totalCount nodes { name } } } }`;
    const plant = await org('第一采油厂党委');
    const before = (await anonymous(count, { id: plant })).data!.organization.descendants.totalCount;
    const mine = await org('采油二矿党总支');
    const archived = await plantAdmin(`mutation($id: ID!) { organizationArchive(id: $id) { organization { name archivedAt } userErrors { code } } }`, { id: mine });
    expect(archived.data!.organizationArchive.organization.archivedAt).toBeTruthy();
    const subtreeSize = (await db.query(`select 1 from organization where path like (select path from organization where name = '采油二矿党总支') || '%'`)).length;
    expect(subtreeSize).toBeGreaterThan(1);

    for (const who of [anonymous, member]) {
      const after = (await who(count, { id: plant })).data!.organization.descendants;
      expect(after.totalCount).toBe(before - subtreeSize);
      expect(after.nodes).toHaveLength(after.totalCount);
      expect(after.nodes.map((n: { name: string }) => n.name)).not.toContain('采油二矿党总支');
      expect((await who(`query($id: ID!) { node(id: $id) { id } organization(id: $id) { id } }`, { id: mine })).data).toEqual({ node: null, organization: null });
      const children = (await who(`query($id: ID!) { organization(id: $id) { children { name } } }`, { id: plant })).data!.organization.children;
      expect(children.map((c: { name: string }) => c.name)).not.toContain('采油二矿党总支');
    }
    const forAdmin = (await plantAdmin(count, { id: plant })).data!.organization.descendants;
    expect(forAdmin.totalCount).toBe(before);
    expect((await plantAdmin(`query($id: ID!) { organization(id: $id) { archivedAt } }`, { id: mine })).data!.organization.archivedAt).toBeTruthy();
    // An archived organisation takes no new children.
    const child = await plantAdmin(`mutation($p: ID!) { organizationCreate(input: { parentId: $p, name: "新支部", level: BRANCH }) { userErrors { code } } }`, { p: mine });
    expect(outcome(child, 'organizationCreate')).toBe('CONFLICT');
  });

  it('a member sees only their own memberships, with totals that match', async () => {
    const res = await member(`query($id: ID!) { organization(id: $id) { members(first: 10) { totalCount nodes { role user { displayName } } } } }`, {
      id: await org('采油一队党支部'),
    });
    expect(res.data!.organization.members).toEqual({ totalCount: 1, nodes: [{ role: 'MEMBER', user: { displayName: '张伟' } }] });
    const [other] = await db.query<{ id: number; user_id: number }>(`select m.id, m.user_id from membership m join app_user u on u.id = m.user_id where u.email = $1`, [DEMO.branchEditor]);
    const lookup = await member(`query($m: ID!, $u: ID!) { m: node(id: $m) { id } u: node(id: $u) { id } }`, { m: gid('Membership', other!.id), u: gid('User', other!.user_id) });
    expect(lookup.data).toEqual({ m: null, u: null });
    expect((await member(`{ auditEvents(first: 10) { totalCount edges { node { action } } } }`)).data!.auditEvents).toEqual({ totalCount: 0, edges: [] });
  });

  it('an admin’s audit log holds their subtree only', async () => {
    const res = await plantAdmin(`{ auditEvents(first: 100) { totalCount nodes { action organization { name } actor { displayName } } } }`);
    const names = res.data!.auditEvents.nodes.map((n: { organization: { name: string } | null }) => n.organization?.name);
    expect(res.data!.auditEvents.totalCount).toBeGreaterThan(0);
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from audit_event a join organization o on o.id = a.organization_id
        where o.path like (select path from organization where name = '第一采油厂党委') || '%'`,
    )) as [{ n: number }];
    expect(res.data!.auditEvents.totalCount).toBe(n);
    expect(names).not.toContain('华油能源集团有限公司党委');
    expect(res.data!.auditEvents.nodes.some((e: { actor: { displayName: string } | null }) => e.actor?.displayName === '李红梅')).toBe(true);
  });
});
