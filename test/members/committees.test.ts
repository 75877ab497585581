/**
 * 支委会, terms and the organisation checks of DOMAIN-RULES §1, through the real endpoint; and the
 * LOCAL rule that sets how early an election is announced, per enterprise.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, expectOk, gid, orgId, signIn } from '../support/identity.js';

const { db, as, api } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor'], env: { REMINDER_INTERVAL_MS: '200' } });
const { groupAdmin, plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, anonymous } = as;

const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { code message } } }`;
const WARNINGS = `query($id: ID!) { organization(id: $id) { partyWarnings { code message source dueOn } committeeTerm { electedOn termYears endsOn } committeePosts { post member { name } } } }`;
const ASSIGN = `mutation($i: MemberPostInput!) { memberPostAssign(input: $i) { post { id post startedOn endedOn } userErrors { code field message } } }`;
const TERM = `mutation($i: CommitteeTermInput!) { committeeTermRecord(input: $i) { term { electedOn termYears endsOn } userErrors { code field message } } }`;
const NAMES = ['陈建国', '刘晓燕', '杨志强', '赵丽娟', '黄海涛', '周明', '吴桂英'];
let serial = 0;
/** A fictional ID number (东营, born on the 15th of a month of 1980–1999), the check character computed. */
const nextIdNumber = () => {
  const n = serial++;
  const first17 = `370502${1980 + (n % 20)}${String((n % 12) + 1).padStart(2, '0')}15${String(100 + n).slice(-3)}`;
  return `${first17}${checkCharacter(first17)}`;
};
const day = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function addMember(branch: string, name: string, category: 'FULL' | 'PROBATIONARY' = 'FULL'): Promise<string> {
  const res = await plantAdmin(CREATE, {
    i: { organizationId: gid('Organization', await orgId(db, branch)), name, idNumber: nextIdNumber(), joinedOn: category === 'FULL' ? '2015-07-01' : '2026-06-01', confirmedOn: category === 'FULL' ? '2016-07-01' : null, category },
  });
  expect(res.data!.memberCreate.userErrors).toEqual([]);
  return res.data!.memberCreate.member.id;
}

describe('organisation checks (DOMAIN-RULES §1 c)', () => {
  const branchName = '采油一队党支部';
  let branch: string;
  const members: string[] = [];

  it('warns a branch of fewer than 3 full members, then of 7 without a committee — computed, never typed', async () => {
    branch = gid('Organization', await orgId(db, branchName));
    const codes = async () => ((await plantAdmin(WARNINGS, { id: branch })).data!.organization.partyWarnings as { code: string }[]).map((w) => w.code);
    expect(await codes()).toEqual(['FEW_FULL_MEMBERS']);
    const first = (await plantAdmin(WARNINGS, { id: branch })).data!.organization.partyWarnings[0];
    expect(first.message).toBe('正式党员不足3名（现有0名），应与邻近单位的党员联合成立党支部。');
    expect(first.source).toMatch(/DOMAIN-RULES §1/);
    for (const name of NAMES.slice(0, 3)) members.push(await addMember(branchName, name));
    await addMember(branchName, '孙预备', 'PROBATIONARY'); // not counted among full members
    expect(await codes()).toEqual([]);
    for (const name of NAMES.slice(3)) members.push(await addMember(branchName, name));
    expect(await codes()).toEqual(['NO_COMMITTEE']);
  });

  it('records posts: only full members in good standing, one 书记 at a time; three posts make a committee', async () => {
    const post = (memberId: string, p: string, startedOn = '2025-01-10') => plantAdmin(ASSIGN, { i: { memberId, organizationId: branch, post: p, startedOn } });
    expect((await post(members[0]!, 'SECRETARY')).data!.memberPostAssign.userErrors).toEqual([]);
    expect((await post(members[1]!, 'SECRETARY')).data!.memberPostAssign.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'post'], message: expect.stringContaining('书记 already') });
    const probationer = (await plantAdmin(`{ members(first: 50, filter: { category: PROBATIONARY }) { nodes { id name } } }`)).data!.members.nodes.find((n: { name: string }) => n.name === '孙预备').id;
    const refused = (await post(probationer, 'PROPAGANDA')).data!.memberPostAssign.userErrors[0];
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Only 正式党员.*DOMAIN-RULES §1 a/) });
    // A committee of another organisation than the member's own line is refused.
    const sibling = gid('Organization', await orgId(db, '常减压车间党支部'));
    expect((await groupAdmin(ASSIGN, { i: { memberId: members[1], organizationId: sibling, post: 'MEMBER', startedOn: '2025-01-10' } })).data!.memberPostAssign.userErrors[0]).toMatchObject({ field: ['input', 'organizationId'] });
    await expectOk(plantAdmin, ASSIGN, { i: { memberId: members[1], organizationId: branch, post: 'ORGANIZATION', startedOn: '2025-01-10' } });
    const third = await expectOk(plantAdmin, ASSIGN, { i: { memberId: members[2], organizationId: branch, post: 'DISCIPLINE', startedOn: '2025-01-10' } });
    const committee = (await plantAdmin(WARNINGS, { id: branch })).data!.organization;
    expect(committee.partyWarnings).toEqual([]);
    expect(committee.committeePosts.map((p: { post: string; member: { name: string } }) => `${p.post}:${p.member.name}`).sort()).toEqual(['DISCIPLINE:杨志强', 'ORGANIZATION:刘晓燕', 'SECRETARY:陈建国']);
    // Ending a post brings the warning back; the post stays as history on the member.
    await expectOk(plantAdmin, `mutation($id: ID!) { memberPostEnd(id: $id, endedOn: "2026-01-10") { post { endedOn } userErrors { code } } }`, { id: third.memberPostAssign.post.id });
    expect((await plantAdmin(WARNINGS, { id: branch })).data!.organization.partyWarnings.map((w: { code: string }) => w.code)).toEqual(['NO_COMMITTEE']);
    const history = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Member { posts { post startedOn endedOn } } } }`, { id: members[2] })).data!.node.posts;
    expect(history).toEqual([{ post: 'DISCIPLINE', startedOn: '2025-01-10', endedOn: '2026-01-10' }]);
    await expectOk(plantAdmin, ASSIGN, { i: { memberId: members[3], organizationId: branch, post: 'PROPAGANDA', startedOn: '2026-01-10' } });
  });

  it('computes when the election is due from the term; the lead time is the enterprise’s LOCAL setting', async () => {
    const term = (electedOn: string, termYears: number) => plantAdmin(TERM, { i: { organizationId: branch, electedOn, termYears } });
    expect((await term('2024-01-01', 6)).data!.committeeTermRecord.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/3 to 5 years.*DOMAIN-RULES §1 a/) });
    // Elected three years ago less 60 days: the term ends in 60 days, inside the default 90.
    const electedOn = (() => {
      const d = new Date(`${day(60)}T00:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() - 3);
      return d.toISOString().slice(0, 10);
    })();
    const recorded = await expectOk(plantAdmin, TERM, { i: { organizationId: branch, electedOn, termYears: 3 } });
    expect(recorded.committeeTermRecord.term.endsOn).toBe(day(60));
    const warnings = async () => (await plantAdmin(WARNINGS, { id: branch })).data!.organization.partyWarnings;
    expect(await warnings()).toEqual([expect.objectContaining({ code: 'ELECTION_DUE', dueOn: day(60), message: `本届委员会任期将于${day(60)}届满，请做好换届选举准备。` })]);
    // The admins of the branch and above are reminded, once (the reminder pass runs every 200 ms here).
    const reminded = async () =>
      db.query<{ name: string }>(`select u.display_name as name from notification n join app_user u on u.id = n.recipient_id where n.kind = 'members.election_due' order by u.display_name`);
    for (let i = 0; i < 50 && (await reminded()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 600)); // more passes: still once
    const names = (await reminded()).map((r) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
    const [notice] = await db.query<{ title: string; body: string; link: string }>(`select title, body, link from notification where kind = 'members.election_due' limit 1`);
    expect(notice).toMatchObject({ title: `换届提醒：${branchName}`, link: `/workspace/members?branch=${branch}` });
    expect(notice!.body).toContain(`任期将于${day(60)}届满`);

    // The group's top-level admin sets 30 days for 华油: no warning yet. Others may not.
    const SET = `mutation($i: LocalRuleSetInput!) { localRuleSet(input: $i) { rule { key value defaultValue isDefault } userErrors { code field message } } }`;
    const huayou = gid('Enterprise', 1);
    expect((await plantAdmin(SET, { i: { enterpriseId: huayou, key: 'members.electionReminderDays', value: 30 } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await powerAdmin(SET, { i: { enterpriseId: huayou, key: 'members.electionReminderDays', value: 30 } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await groupAdmin(SET, { i: { enterpriseId: huayou, key: 'members.electionReminderDays', value: 3 } })).data!.localRuleSet.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'value'], message: expect.stringContaining('7 to 365') });
    expect((await groupAdmin(SET, { i: { enterpriseId: huayou, key: 'members.nonsense', value: 3 } })).data!.localRuleSet.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'key'] });
    const set = await expectOk(groupAdmin, SET, { i: { enterpriseId: huayou, key: 'members.electionReminderDays', value: 30 } });
    expect(set.localRuleSet.rule).toEqual({ key: 'members.electionReminderDays', value: 30, defaultValue: 90, isDefault: false });
    expect(await warnings()).toEqual([]);
    const audit = await db.query<{ details: { from: number; to: number } }>(`select details from audit_event where action = 'localRule.set' order by id desc limit 1`);
    expect(audit[0]!.details).toMatchObject({ from: 90, to: 30 });
    // Every member of the enterprise reads the rules in force; another enterprise does not.
    const READ = `query($e: ID!) { localRules(enterpriseId: $e) { key label value source unit } }`;
    expect((await member(READ, { e: huayou })).data!.localRules).toContainEqual(expect.objectContaining({ key: 'members.electionReminderDays', label: '换届提醒提前天数', value: 30, unit: 'DAYS' }));
    // (Enterprises are public, so another enterprise's admin is refused rather than told it does not exist.)
    expect((await powerAdmin(READ, { e: huayou })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await anonymous(READ, { e: huayou })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // Back to the default: the warning returns.
    await expectOk(groupAdmin, SET, { i: { enterpriseId: huayou, key: 'members.electionReminderDays', value: null } });
    expect((await warnings()).map((w: { code: string }) => w.code)).toEqual(['ELECTION_DUE']);
    // A term that has ended with no election recorded is overdue.
    await db.query(`update committee_term set elected_on = elected_on - interval '1 year' where organization_id = $1`, [await orgId(db, branchName)]);
    expect((await warnings()).map((w: { code: string }) => w.code)).toEqual(['ELECTION_OVERDUE']);
  });

  it('shows warnings, terms and posts only to those who read the branch’s member records', async () => {
    expect((await plantReviewer(WARNINGS, { id: branch })).data!.organization.partyWarnings).toHaveLength(1);
    for (const who of [refineryAdmin, powerAdmin, branchEditor, member, anonymous]) {
      const org = (await who(WARNINGS, { id: branch })).data?.organization;
      expect(org?.partyWarnings ?? null).toBeNull();
      expect(org?.committeeTerm ?? null).toBeNull();
      expect(org?.committeePosts ?? []).toEqual([]);
    }
    // Keeping posts is for admins only.
    const res = await plantReviewer(ASSIGN, { i: { memberId: members[4], organizationId: branch, post: 'MEMBER', startedOn: '2026-01-10' } });
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const hidden = await refineryAdmin(ASSIGN, { i: { memberId: members[4], organizationId: branch, post: 'MEMBER', startedOn: '2026-01-10' } });
    expect(hidden.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('answers a page of organisations with their warnings in the same statements as one', async () => {
    const Q = `query($id: ID!, $first: Int!) { organization(id: $id) { descendants(first: $first) { nodes { name partyWarnings { code } committeeTerm { endsOn } committeePosts { post member { name } } } } } }`;
    const root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
    const token = await signIn(api, DEMO.groupAdmin);
    const statements = async (first: number) => {
      const requestId = `warnings-${first}-${Date.now()}`;
      const res = await api.gql(Q, { id: root, first }, { 'x-request-id': requestId, authorization: `Bearer ${token}` });
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization.descendants.nodes).toHaveLength(first);
      await new Promise((r) => setTimeout(r, 20));
      return { res, n: api.logs.find((l) => l.requestId === requestId && l.msg === 'request')!.statements as number };
    };
    // Both pages hold the branch with its term and posts, and organisations without.
    const one = await statements(12);
    const many = await statements(40);
    expect(many.n).toBe(one.n);
    expect(many.res.data!.organization.descendants.nodes.find((n: { name: string }) => n.name === branchName).partyWarnings).toEqual([{ code: 'ELECTION_OVERDUE' }]);
  });
});
