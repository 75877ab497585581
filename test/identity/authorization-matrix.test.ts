/**
 * The per-level authorisation matrix, through the real HTTP endpoint: every caller × every target
 * organisation × every action, asserting denials as exactly as grants.
 *
 * Targets, seen from the subsidiary 第一采油厂党委 ("plant"): the plant itself, its child, its
 * parent (the group committee), its sibling (炼化分公司党委), and another enterprise's root.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, userId, withToken, type DemoActor, type Gql } from '../support/identity.js';

const TARGETS = {
  own: '第一采油厂党委',
  child: '采油一矿党总支',
  parent: '华油能源集团有限公司党委',
  sibling: '炼化分公司党委',
  otherEnterprise: '江川供电有限公司党委',
} as const;
type Target = keyof typeof TARGETS;
type Actor = DemoActor | 'anonymous' | 'apiKey';
const ACTORS: Actor[] = [...(Object.keys(DEMO) as DemoActor[]), 'anonymous', 'apiKey'];

/** Where each caller is ORG_ADMIN (over the target's subtree). */
const ADMIN_OVER: Record<Actor, Target[]> = {
  groupAdmin: ['own', 'child', 'parent', 'sibling'],
  plantAdmin: ['own', 'child'],
  refineryAdmin: ['sibling'],
  powerAdmin: ['otherEnterprise'],
  platformAdmin: ['own', 'child', 'parent', 'sibling', 'otherEnterprise'],
  plantReviewer: [],
  branchEditor: [],
  member: [],
  anonymous: [],
  apiKey: [],
};
/** The organisations each caller administers (their audit reaches these subtrees). */
const ADMIN_ROOTS: Record<Actor, string[]> = {
  groupAdmin: ['parent'],
  plantAdmin: ['own'],
  refineryAdmin: ['sibling'],
  powerAdmin: ['otherEnterprise'],
  platformAdmin: [],
  plantReviewer: [],
  branchEditor: [],
  member: [],
  anonymous: [],
  apiKey: [],
};

/** Where each caller may grant ORG_ADMIN: strictly below an organisation they administer. */
const ADMIN_STRICTLY_ABOVE: Record<Actor, Target[]> = {
  ...ADMIN_OVER,
  groupAdmin: ['own', 'child', 'sibling'],
  plantAdmin: ['child'],
  refineryAdmin: [],
  powerAdmin: [],
};

/** Where each caller reads member records (masked unless ADMIN_OVER): admins, and reviewers. */
const READ_MEMBERS_OVER: Record<Actor, Target[]> = { ...ADMIN_OVER, plantReviewer: ['own', 'child'] };

/**
 * One member record per branch, and the targets whose subtree holds it. Records sit in branches,
 * so a caller may read a record below a target it does not administer (the plant's admin reads
 * the 采油一队 record when the target is the group committee).
 */
const MEMBER_RECORDS = [
  { branch: '采油一队党支部', name: '矩阵甲', first17: '37010219850101001', within: ['own', 'child', 'parent'] as Target[], creator: 'groupAdmin' as const },
  { branch: '常减压车间党支部', name: '矩阵乙', first17: '37010219860202002', within: ['parent', 'sibling'] as Target[], creator: 'groupAdmin' as const },
  { branch: '城东供电所党支部', name: '矩阵丙', first17: '36010219870303003', within: ['otherEnterprise'] as Target[], creator: 'powerAdmin' as const },
];
const readsRecord = (actor: Actor, within: Target[], over = READ_MEMBERS_OVER) => within.some((t) => over[actor].includes(t));
/** What changing a record answers: `allowed` for its keepers; refused for its readers (and API keys); not found for the rest. */
const keeperOutcome = (actor: Actor, within: Target[], allowed: string) =>
  readsRecord(actor, within, ADMIN_OVER) ? allowed : actor === 'anonymous' ? 'UNAUTHENTICATED' : actor === 'apiKey' || readsRecord(actor, within) ? 'FORBIDDEN' : 'NOT_FOUND';

/** The error a denied mutation must produce. */
function denial(actor: Actor, target: Target, action: string): string {
  if (actor === 'anonymous') return 'UNAUTHENTICATED';
  if (actor === 'apiKey') return action.startsWith('grant') || target !== 'otherEnterprise' ? 'FORBIDDEN' : 'NOT_FOUND';
  return 'FORBIDDEN';
}

const suite = useSuite({ actors: Object.keys(DEMO) as DemoActor[] });
const { db, api } = suite;
const as: Partial<Record<Actor, Gql>> = {};
const ids = {} as Record<Target, string>;
const localIds = {} as Record<Target, number>;
let grantee: string;
const memberIds = new Map<string, string>();
const applicantIds = new Map<string, string>();
const transferIds = new Map<string, string>();
const meetingIds = new Map<string, string>();

beforeAll(async () => {
  for (const actor of [...(Object.keys(DEMO) as DemoActor[]), 'anonymous'] as const) as[actor] = suite.as[actor];
  for (const [target, name] of Object.entries(TARGETS) as [Target, string][]) {
    localIds[target] = await orgId(db, name);
    ids[target] = gid('Organization', localIds[target]);
  }
  const key = await as.groupAdmin!(
    `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { key userErrors { code } } }`,
    { i: { enterpriseId: gid('Enterprise', 1), name: '移动党建App', scopes: ['PUBLIC_READ', 'INTERNAL_READ'] } },
  );
  as.apiKey = withToken(api, key.data!.apiClientCreate.key);
  // The grantee (周强 of 江川, a member at 城东供电所党支部) must be someone each granting admin
  // may already see: a role is never granted to an account the caller cannot see (see the
  // enumeration cases below). So he also holds MEMBER in a branch below the plant and below the
  // refinery.
  const granteeId = await userId(db, '13900000002');
  grantee = gid('User', granteeId);
  for (const branch of ['采油一队党支部', '常减压车间党支部']) {
    await db.query(`insert into membership (user_id, organization_id, enterprise_id, role) values ($1, $2, 1, 'MEMBER')`, [granteeId, await orgId(db, branch)]);
  }
  for (const record of MEMBER_RECORDS) {
    const res = await as[record.creator]!(`mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { code message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, record.branch)), name: record.name, idNumber: `${record.first17}${checkCharacter(record.first17)}`, phone: '13700000000', joinedOn: '2010-07-01', confirmedOn: '2011-07-01', category: 'FULL' },
    });
    expect(res.data!.memberCreate.userErrors).toEqual([]);
    memberIds.set(record.name, res.data!.memberCreate.member.id);
    // Their dues: a base, and October opened for their branch.
    const based = await as[record.creator]!(`mutation($i: DuesBaseInput!) { duesBaseSet(input: $i) { userErrors { message } } }`, {
      i: { memberId: res.data!.memberCreate.member.id, kind: 'WAGE', amount: '8000', fromMonth: '2026-01' },
    });
    expect(based.data!.duesBaseSet.userErrors).toEqual([]);
    const opened = await as[record.creator]!(`mutation($i: DuesMonthOpenInput!) { duesMonthOpen(input: $i) { userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, record.branch)), month: '2026-10' },
    });
    expect(opened.data!.duesMonthOpen.userErrors).toEqual([]);
    // An applicant (发展党员) at the same branch, read like the branch's records.
    const applied = await as[record.creator]!(`mutation($i: ApplicantCreateInput!) { applicantCreate(input: $i) { applicant { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, record.branch)), name: `${record.name}申请人`, idNumber: `${record.first17.slice(0, 6)}2000${record.first17.slice(10)}${checkCharacter(`${record.first17.slice(0, 6)}2000${record.first17.slice(10)}`)}`, phone: '13700000000', appliedOn: '2025-03-01' },
    });
    expect(applied.data!.applicantCreate.userErrors).toEqual([]);
    applicantIds.set(record.name, applied.data!.applicantCreate.applicant.id);
  }
  // Two transfers: 矩阵甲 to 江川 with the letter issued (its receivers take part), 矩阵乙 to 江川
  // only applied for (its receivers see nothing yet).
  const transfer = async (record: string, to: string, issue: boolean) => {
    const applied = await as.groupAdmin!(`mutation($i: TransferApplyInput!) { transferApply(input: $i) { transfer { id } userErrors { message } } }`, {
      i: { memberId: memberIds.get(record), reach: 'PLATFORM', toOrganizationId: gid('Organization', await orgId(db, to)), reason: '调动' },
    });
    expect(applied.data!.transferApply.userErrors).toEqual([]);
    const id = applied.data!.transferApply.transfer.id as string;
    for (const action of issue ? ['AGREE', 'ISSUE'] : []) {
      const res = await as.groupAdmin!(`mutation($i: TransferActInput!) { transferAct(input: $i) { userErrors { message } } }`, { i: { transferId: id, action } });
      expect(res.data!.transferAct.userErrors).toEqual([]);
    }
    transferIds.set(record, id);
  };
  await transfer('矩阵甲', '城东供电所党支部', true);
  await transfer('矩阵乙', '城西供电所党支部', false);
  // A 支部党员大会 in each record's branch, planned by its admins.
  for (const record of MEMBER_RECORDS) {
    const planned = await as[record.creator]!(`mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, record.branch)), type: 'BRANCH_ASSEMBLY', topic: `${record.name}支部党员大会`, startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), endsAt: new Date(Date.now() - 3 * 86_400_000 + 7_200_000).toISOString(), place: '支部活动室' },
    });
    expect(planned.data!.meetingPlan.userErrors).toEqual([]);
    meetingIds.set(record.name, planned.data!.meetingPlan.meeting.id);
  }
  // A member at the child, so its member list is not empty.
  await db.query(`insert into membership (user_id, organization_id, enterprise_id, role) values ($1, $2, 1, 'MEMBER')`, [await userId(db, DEMO.member), localIds.child]);
});

const cases = ACTORS.flatMap((actor) => (Object.keys(TARGETS) as Target[]).map((target) => ({ actor, target })));

describe.each(cases)('$actor at $target', ({ actor, target }) => {
  const admin = ADMIN_OVER[actor].includes(target);
  const call = (query: string, variables?: Record<string, unknown>) => as[actor]!(query, variables);

  it(`rename: ${admin ? 'allowed' : 'denied'}`, async () => {
    const res = await call(`mutation($id: ID!, $n: String) { organizationUpdate(id: $id, input: { name: $n }) { organization { name } userErrors { code } } }`, {
      id: ids[target],
      n: TARGETS[target],
    });
    expect(outcome(res, 'organizationUpdate')).toBe(admin ? 'OK' : denial(actor, target, 'rename'));
  });

  it(`create a child: ${admin ? 'allowed' : 'denied'}`, async () => {
    const before = (await db.query('select count(*)::int as n from organization'))[0]!.n;
    const res = await call(
      `mutation($i: OrganizationCreateInput!) { organizationCreate(input: $i) { organization { name level parent { id } } userErrors { code } } }`,
      { i: { parentId: ids[target], name: `矩阵测试党支部（${actor}）`, level: 'BRANCH' } },
    );
    expect(outcome(res, 'organizationCreate')).toBe(admin ? 'OK' : denial(actor, target, 'createChild'));
    const after = (await db.query('select count(*)::int as n from organization'))[0]!.n;
    expect(after - before).toBe(admin ? 1 : 0);
    if (admin) expect(res.data!.organizationCreate.organization.parent.id).toBe(ids[target]);
  });

  for (const role of ['MEMBER', 'ORG_ADMIN'] as const) {
    const allowed = (role === 'ORG_ADMIN' ? ADMIN_STRICTLY_ABOVE : ADMIN_OVER)[actor].includes(target);
    it(`grant and revoke ${role}: ${allowed ? 'allowed' : 'denied'}`, async () => {
      const res = await call(`mutation($i: MembershipGrantInput!) { membershipGrant(input: $i) { membership { id role } userErrors { code } } }`, {
        i: { userId: grantee, organizationId: ids[target], role },
      });
      expect(outcome(res, 'membershipGrant')).toBe(allowed ? 'OK' : denial(actor, target, 'grant'));
      const held = await db.query('select id from membership where user_id = (select id from app_user where phone = $1) and organization_id = $2 and role = $3', [
        '13900000002',
        localIds[target],
        role,
      ]);
      expect(held).toHaveLength(allowed ? 1 : 0);
      if (allowed) {
        const revoke = await call(`mutation($id: ID!) { membershipRevoke(id: $id) { revokedMembershipId userErrors { code } } }`, {
          id: res.data!.membershipGrant.membership.id,
        });
        expect(outcome(revoke, 'membershipRevoke')).toBe('OK');
      }
    });
  }

  it(`read members: ${admin ? 'all of them' : 'only one’s own'}`, async () => {
    const res = await call(`query($id: ID!) { organization(id: $id) { members(first: 50) { totalCount edges { node { role user { displayName } } } } } }`, {
      id: ids[target],
    });
    expect(res.errors).toBeUndefined();
    const all = await db.query<{ user_id: number }>('select user_id from membership where organization_id = $1', [localIds[target]]);
    const mine = actor in DEMO ? all.filter((m) => m.user_id === myUserId.get(actor)) : [];
    const connection = res.data!.organization?.members ?? { totalCount: 0, edges: [] };
    const expected = admin ? all.length : mine.length;
    expect(connection.totalCount).toBe(expected);
    expect(connection.edges).toHaveLength(expected);
  });

  it(`read the audit log: ${admin ? 'the subtree’s events' : 'only events of subtrees one administers'}`, async () => {
    const res = await call(`query($id: ID!) { auditEvents(first: 100, organizationId: $id) { totalCount edges { node { action organization { id } } } } }`, {
      id: ids[target],
    });
    expect(res.errors).toBeUndefined();
    // Events in the target's subtree that also lie in a subtree the caller administers.
    const adminRoots = actor === 'platformAdmin' ? ['/'] : ADMIN_ROOTS[actor].map((t) => TARGETS[t as Target] ?? t);
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from audit_event a join organization o on o.id = a.organization_id
        where o.path like (select path from organization where id = $1) || '%'
          and exists (select 1 from organization r where (r.name = any($2) and o.path like r.path || '%') or '/' = any($2))`,
      [localIds[target], adminRoots],
    )) as [{ n: number }];
    const expected = n;
    expect(res.data!.auditEvents.totalCount).toBe(expected);
    expect(res.data!.auditEvents.edges).toHaveLength(Math.min(expected, 100));
    if (admin) expect(expected).toBeGreaterThan(0);
  });
});

describe.each(cases)('$actor at $target: member records (党员信息库)', ({ actor, target }) => {
  const call = (query: string, variables?: Record<string, unknown>) => as[actor]!(query, variables);
  const inTarget = MEMBER_RECORDS.filter((r) => r.within.includes(target));
  const visible = inTarget.filter((r) => readsRecord(actor, r.within));

  it(`list and count: ${visible.map((r) => r.name).join('、') || 'none'}`, async () => {
    const res = await call(`query($o: ID!) { members(first: 50, filter: { organizationId: $o, name: "矩阵" }) { totalCount nodes { name phone personalDataMasked } } }`, { o: ids[target] });
    const connection = res.data?.members ?? { totalCount: 0, nodes: [] };
    const mine = connection.nodes.filter((n: { name: string }) => n.name.startsWith('矩阵'));
    expect(connection.totalCount).toBe(visible.length);
    expect(mine.map((n: { name: string }) => n.name).sort()).toEqual(visible.map((r) => r.name).sort());
    for (const node of mine) {
      const whole = readsRecord(actor, MEMBER_RECORDS.find((r) => r.name === node.name)!.within, ADMIN_OVER);
      expect(node, node.name).toMatchObject({ personalDataMasked: !whole, phone: whole ? '13700000000' : '137****0000' });
    }
  });

  it('node and ID-number lookup answer exactly as the list does', async () => {
    for (const record of inTarget) {
      const sees = readsRecord(actor, record.within);
      const byId = await call(`query($id: ID!) { node(id: $id) { ... on Member { name } } }`, { id: memberIds.get(record.name) });
      expect(byId.data?.node ?? null, record.name).toEqual(sees ? { name: record.name } : null);
      const byNumber = await call(`query($n: String!) { memberByIdNumber(idNumber: $n) { name } }`, { n: `${record.first17}${checkCharacter(record.first17)}` });
      expect(byNumber.data?.memberByIdNumber ?? null, record.name).toEqual(sees ? { name: record.name } : null);
    }
  });

  it('党费: the branch’s month for readers of its records (the wage base only for those who keep them); nothing for others', async () => {
    for (const record of inTarget) {
      const res = await call(`query($o: ID!) { duesMonth(organizationId: $o, month: "2026-10") { items { dueFen baseFen member { name } } } }`, { o: gid('Organization', await orgId(db, record.branch)) });
      const items = ((res.data?.duesMonth?.items ?? []) as { dueFen: number; baseFen: number | null; member: { name: string } }[]).filter((i) => i.member?.name === record.name);
      if (!readsRecord(actor, record.within)) {
        expect(items, record.name).toEqual([]);
        continue;
      }
      const keeps = readsRecord(actor, record.within, ADMIN_OVER);
      expect(items, record.name).toEqual([{ dueFen: 12000, baseFen: keeps ? 800000 : null, member: { name: record.name } }]); // 8,000 × 1.5%
    }
  });

  it('keep a record: admins over its branch only; readers are refused, others told it does not exist', async () => {
    for (const record of inTarget) {
      const res = await call(`mutation($id: ID!, $e: String) { memberUpdate(id: $id, input: { employer: $e }) { member { employer } userErrors { code } } }`, {
        id: memberIds.get(record.name),
        e: `${actor}单位`,
      });
      expect(outcome(res, 'memberUpdate'), record.name).toBe(keeperOutcome(actor, record.within, 'OK'));
    }
  });

  it('发展党员: applicants listed, on the board and by node as the branch’s records; personal data whole only for their keepers', async () => {
    const res = await call(`query($o: ID!) { applicants(first: 50, filter: { organizationId: $o, name: "矩阵" }) { totalCount nodes { name phone } } developmentBoard(organizationId: $o) { applicants { name } } }`, { o: ids[target] });
    const listed = ((res.data?.applicants?.nodes ?? []) as { name: string; phone: string }[]).filter((n) => n.name.startsWith('矩阵'));
    expect(listed.map((n) => n.name).sort()).toEqual(visible.map((r) => `${r.name}申请人`).sort());
    for (const node of listed) {
      const whole = readsRecord(actor, MEMBER_RECORDS.find((r) => `${r.name}申请人` === node.name)!.within, ADMIN_OVER);
      expect(node.phone, node.name).toBe(whole ? '13700000000' : '137****0000');
    }
    const onBoard = ((res.data?.developmentBoard ?? []) as { applicants: { name: string }[] }[]).flatMap((c) => c.applicants.map((a) => a.name)).filter((n) => n.startsWith('矩阵'));
    expect(onBoard.sort()).toEqual(visible.map((r) => `${r.name}申请人`).sort());
    for (const record of inTarget) {
      const byId = await call(`query($id: ID!) { node(id: $id) { ... on Applicant { name } } }`, { id: applicantIds.get(record.name) });
      expect(byId.data?.node ?? null, record.name).toEqual(readsRecord(actor, record.within) ? { name: `${record.name}申请人` } : null);
    }
  });

  it('发展党员: a step is recorded by admins over the branch only; readers are refused, others told it does not exist', async () => {
    for (const record of inTarget) {
      // A stale version: whoever may record gets past authorisation to the version check (and nothing is written).
      const res = await call(`mutation($i: DevelopmentStepInput!) { developmentRecord(input: $i) { userErrors { code field } } }`, {
        i: { applicantId: applicantIds.get(record.name), step: 'TALK', happenedOn: '2025-03-20', people: '书记', expectedVersion: 999 },
      });
      expect(outcome(res, 'developmentRecord'), record.name).toBe(keeperOutcome(actor, record.within, 'CONFLICT'));
    }
  });
});

const myUserId = new Map<Actor, number>();
beforeAll(async () => {
  for (const actor of Object.keys(DEMO) as DemoActor[]) myUserId.set(actor, await userId(db, DEMO[actor]));
});

it('covers every caller, target and action', () => {
  expect(cases).toHaveLength(ACTORS.length * Object.keys(TARGETS).length);
  expect(ACTORS).toHaveLength(10);
});

describe('no enumeration of accounts through ids the caller passes', () => {
  const PERMISSIONS = `query($o: ID!, $u: ID) { effectivePermissions(organizationId: $o, userId: $u) { user { displayName } permissions { action allowed grantedBy { id } } } }`;
  const GRANT = `mutation($i: MembershipGrantInput!) { membershipGrant(input: $i) { membership { id } userErrors { code message } } }`;
  const answer = (res: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }) => ({
    data: res.data?.effectivePermissions ?? res.data?.membershipGrant?.membership ?? null,
    errors: res.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) ?? res.data?.membershipGrant?.userErrors,
  });

  it('another enterprise’s account answers exactly like an account that does not exist', async () => {
    const zhangWei = gid('User', await userId(db, DEMO.member)); // 华油; 江川’s admin may not see him
    const nobody = gid('User', 987654);
    const own = ids.otherEnterprise;
    const hidden = answer(await as.powerAdmin!(PERMISSIONS, { o: own, u: zhangWei }));
    expect(hidden).toEqual({ data: null, errors: [{ message: 'The user does not exist.', code: 'NOT_FOUND' }] });
    expect(answer(await as.powerAdmin!(PERMISSIONS, { o: own, u: nobody }))).toEqual(hidden);
    expect(JSON.stringify(hidden)).not.toContain('张伟');

    const granted = answer(await as.powerAdmin!(GRANT, { i: { userId: zhangWei, organizationId: own, role: 'MEMBER' } }));
    expect(granted.data).toBeNull();
    expect(granted).toEqual(answer(await as.powerAdmin!(GRANT, { i: { userId: nobody, organizationId: own, role: 'MEMBER' } })));
    expect(granted.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await db.query(`select 1 from membership where user_id = $1 and organization_id = $2`, [await userId(db, DEMO.member), localIds.otherEnterprise])).toHaveLength(0);
  });

  it('an admin who may see the account gets the answer, naming only memberships they may see', async () => {
    const res = await as.plantAdmin!(PERMISSIONS, { o: ids.own, u: gid('User', await userId(db, DEMO.member)) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.effectivePermissions.user.displayName).toBe('张伟');
    // Give 周强 a role the plant admin may not see (admin of the whole group): it makes him an
    // admin at the plant's child, yet "granted by" must not name that hidden membership.
    const [hiddenGrant] = await db.query<{ id: number }>(
      `insert into membership (user_id, organization_id, enterprise_id, role) values ((select id from app_user where phone = '13900000002'), $1, 1, 'ORG_ADMIN') returning id`,
      [localIds.parent],
    );
    try {
      const zhou = await as.plantAdmin!(PERMISSIONS, { o: ids.child, u: grantee });
      expect(zhou.errors).toBeUndefined();
      const readMembers = zhou.data!.effectivePermissions.permissions.find((p: { action: string }) => p.action === 'readMembers');
      expect(readMembers).toEqual({ action: 'readMembers', allowed: true, grantedBy: [] });
      // The group admin may see that membership, and is told it is the one that grants it.
      const full = await as.groupAdmin!(PERMISSIONS, { o: ids.child, u: grantee });
      expect(full.data!.effectivePermissions.permissions.find((p: { action: string }) => p.action === 'readMembers').grantedBy).toEqual([{ id: gid('Membership', hiddenGrant!.id) }]);
    } finally {
      await db.query(`delete from membership where id = $1`, [hiddenGrant!.id]);
    }
  });
});

/** Who reads each transfer: its sending side; its receiving side only once the letter is issued. */
const TRANSFERS = [
  { record: '矩阵甲', readers: ['own', 'child', 'parent', 'otherEnterprise'] as Target[] }, // issued to 江川
  { record: '矩阵乙', readers: ['parent', 'sibling'] as Target[] }, // applied for only
];

describe.each(ACTORS)('%s: transfers (组织关系转接)', (actor) => {
  it('reads a transfer where it sends, or receives once the letter is issued; nothing else', async () => {
    const call = as[actor]!;
    const listed = ((await call(`{ transfers(first: 50) { nodes { id } } }`)).data?.transfers?.nodes ?? []).map((n: { id: string }) => n.id);
    for (const { record, readers } of TRANSFERS) {
      const sees = readsRecord(actor, readers);
      const node = (await call(`query($id: ID!) { node(id: $id) { ... on Transfer { memberName } } }`, { id: transferIds.get(record) })).data?.node ?? null;
      expect(node, `${actor} ${record}`).toEqual(sees ? { memberName: record } : null);
      expect(listed.includes(transferIds.get(record)), `${actor} ${record} listed`).toBe(sees);
    }
  });
});

describe.each(ACTORS)('%s: organisational life (组织生活)', (actor) => {
  it('reads a branch’s meetings and compliance where it reads the branch’s records; nothing else', async () => {
    const call = as[actor]!;
    const listed = ((await call(`{ meetings(first: 50) { nodes { id } } }`)).data?.meetings?.nodes ?? []).map((n: { id: string }) => n.id);
    for (const record of MEMBER_RECORDS) {
      const sees = readsRecord(actor, record.within);
      const node = (await call(`query($id: ID!) { node(id: $id) { ... on Meeting { topic } } }`, { id: meetingIds.get(record.name) })).data?.node ?? null;
      expect(node, `${actor} ${record.name}`).toEqual(sees ? { topic: `${record.name}支部党员大会` } : null);
      expect(listed.includes(meetingIds.get(record.name)), `${actor} ${record.name} listed`).toBe(sees);
    }
    for (const target of Object.keys(TARGETS) as Target[]) {
      const life = await call(`query($o: ID!) { organizationLife(organizationId: $o, period: "2026") { period } }`, { o: ids[target] });
      expect(life.errors?.[0]?.extensions?.code ?? 'OK', `${actor} ${target}`).toBe(READ_MEMBERS_OVER[actor].includes(target) ? 'OK' : 'NOT_FOUND');
    }
  });
});
