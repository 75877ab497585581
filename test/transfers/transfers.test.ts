/**
 * 组织关系转接 through the real endpoint: every transition of DOMAIN-RULES §4 c inside the
 * enterprise, to another enterprise on the platform (the handshake) and off it; one transfer under
 * way per member, decided by the database; an expired letter refused, then reissued; who sees what.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome, userId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member'], env: { REMINDER_INTERVAL_MS: '200' } });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, anonymous } = as;
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;

const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`;
const APPLY = `mutation($i: TransferApplyInput!) { transferApply(input: $i) { transfer { id status } userErrors { code field message rule } } }`;
const ACT = `mutation($i: TransferActInput!) { transferAct(input: $i) { transfer { id status letterNumber validUntil duesPaidUpTo receivedOn reportedOn } userErrors { code field message rule } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Transfer { status memberName reach letterNumber member { id name organization { name } status } toOrganization { name } steps { action status opinion } } } }`;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function newMember(name: string, first17: string, branch = '采油一队党支部', userLogin?: string): Promise<string> {
  const res = await expectOk(plantAdmin, CREATE, {
    i: { organizationId: gid('Organization', await orgId(db, branch)), name, idNumber: id(first17), joinedOn: '2010-07-01', confirmedOn: '2011-07-01', category: 'FULL', ...(userLogin ? { userId: gid('User', await userId(db, userLogin)) } : {}) },
  });
  return res.memberCreate.member.id;
}
const act = (who: typeof plantAdmin, transferId: string, action: string, opinion?: string) => who(ACT, { i: { transferId, action, opinion } });
const ok = async (who: typeof plantAdmin, transferId: string, action: string, opinion?: string) => (await expectOk(who, ACT, { i: { transferId, action, opinion } })).transferAct.transfer;

describe('组织关系转接', () => {
  let zhang: string;
  let internal: string;

  it('inside the enterprise: applied by the member, agreed, issued with a numbered letter, received, reported, archived', async () => {
    zhang = await newMember('张伟', '37010219880612003', '采油一队党支部', '13800000001');
    const applied = await expectOk(member, APPLY, { i: { memberId: zhang, reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '采油三队党支部')), reason: '工作调动' } });
    internal = applied.transferApply.transfer.id;
    expect(applied.transferApply.transfer.status).toBe('APPLIED');
    // A reviewer reads it but does not decide; the branch's admins do.
    expect((await plantReviewer(READ, { id: internal })).data!.node.status).toBe('APPLIED');
    expect(outcome(await act(plantReviewer, internal, 'AGREE'), 'transferAct')).toBe('FORBIDDEN');
    expect(outcome(await act(plantAdmin, internal, 'ISSUE'), 'transferAct')).toBe('CONFLICT'); // the branch agrees first
    expect((await ok(plantAdmin, internal, 'AGREE')).status).toBe('BRANCH_AGREED');
    const issued = await ok(plantAdmin, internal, 'ISSUE');
    expect(issued).toMatchObject({ status: 'ISSUED', letterNumber: `${today().slice(0, 4)}-0001` });
    const validUntil = new Date(Date.parse(`${today()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(issued.validUntil).toBe(validUntil); // the LOCAL 30 days
    // The member is told where and by when to report.
    const [told] = await db.query<{ body: string }>(`select n.body from notification n join app_user u on u.id = n.recipient_id where u.phone = '13800000001' and n.kind = 'transfers.letter_issued'`);
    expect(told!.body).toContain(`请于${validUntil}前到采油三队党支部报到`);
    expect((await ok(plantAdmin, internal, 'RECEIVE')).status).toBe('RECEIVED');
    const moved = (await plantAdmin(READ, { id: internal })).data!.node;
    expect(moved.member).toMatchObject({ name: '张伟', organization: { name: '采油三队党支部' }, status: 'NORMAL' });
    // His account's MEMBER role followed him.
    const roles = await db.query<{ name: string }>(`select o.name from membership m join organization o on o.id = m.organization_id join app_user u on u.id = m.user_id where u.phone = '13800000001' and m.role = 'MEMBER'`);
    expect(roles.map((r) => r.name)).toEqual(['采油三队党支部']);
    expect((await ok(plantAdmin, internal, 'REPORT')).status).toBe('REPORTED');
    expect((await ok(plantAdmin, internal, 'ARCHIVE')).status).toBe('ARCHIVED');
    const steps = (await member(READ, { id: internal })).data!.node.steps.map((s: { action: string }) => s.action);
    expect(steps).toEqual(['APPLY', 'AGREE', 'ISSUE', 'RECEIVE', 'REPORT', 'ARCHIVE']);
    // Each side was told when its turn came: the branch on the application, the committee on the agreement and on the 报到.
    const turns = await db.query<{ body: string }>(`select n.body from notification n join app_user u on u.id = n.recipient_id where u.email = 'admin@cy1.huayou.example' and n.kind = 'transfers.waiting' order by n.id`);
    expect(turns.map((n) => n.body)).toEqual(['张伟同志的组织关系转接申请已提交，待支部审核。', '张伟同志的组织关系转接支部已同意，待党委审批并开具介绍信。', '张伟同志的组织关系转接已到接收方报到，待归档。']);
  });

  it('keeps one transfer under way per member, in the database — also when two are sent at once', async () => {
    const li = await newMember('李强', '37010219900101001');
    const to = gid('Organization', await orgId(db, '注水队党支部'));
    const both = await Promise.all([plantAdmin(APPLY, { i: { memberId: li, reach: 'INTERNAL', toOrganizationId: to, reason: '岗位调整' } }), plantAdmin(APPLY, { i: { memberId: li, reach: 'INTERNAL', toOrganizationId: to, reason: '岗位调整' } })]);
    const outcomes = both.map((r) => r.data!.transferApply.userErrors[0]?.rule ?? 'OK').sort();
    expect(outcomes).toEqual(['OK', 'transfer.oneOpen']);
    const third = await plantAdmin(APPLY, { i: { memberId: li, reach: 'EXTERNAL', destination: '中共某市某区委组织部', reason: '离职' } });
    expect(third.data!.transferApply.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'transfer.oneOpen' });
    // Withdrawn, it no longer blocks.
    const open = both.find((r) => r.data!.transferApply.transfer)!.data!.transferApply.transfer.id;
    expect((await ok(plantAdmin, open, 'WITHDRAW')).status).toBe('WITHDRAWN');
    await expectOk(plantAdmin, APPLY, { i: { memberId: li, reach: 'EXTERNAL', destination: '中共某市某区委组织部', reason: '离职' } });
  });

  it('returns for correction and rejects only with a reason; the member resubmits or withdraws their own', async () => {
    const wang = await newMember('王磊', '37010219910202001');
    const t = (await expectOk(plantAdmin, APPLY, { i: { memberId: wang, reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '注水队党支部')), reason: '调动' } })).transferApply.transfer.id;
    expect((await act(plantAdmin, t, 'RETURN')).data!.transferAct.userErrors[0]).toMatchObject({ field: ['input', 'opinion'] });
    expect((await ok(plantAdmin, t, 'RETURN', '转接原因请写明调入单位')).status).toBe('RETURNED');
    expect((await ok(plantAdmin, t, 'RESUBMIT')).status).toBe('APPLIED');
    expect((await ok(plantAdmin, t, 'REJECT', '调动手续尚未办完')).status).toBe('REJECTED');
    expect(outcome(await act(plantAdmin, t, 'AGREE'), 'transferAct')).toBe('CONFLICT');
    const steps = (await plantAdmin(READ, { id: t })).data!.node.steps;
    expect(steps.at(-1)).toMatchObject({ action: 'REJECT', status: 'REJECTED', opinion: '调动手续尚未办完' });
  });

  it('to another enterprise: its admins see the person only from the letter on, receive into a record of their own; the sibling sees nothing', async () => {
    const zhao = await newMember('赵敏', '37010219920303002');
    const t = (await expectOk(plantAdmin, APPLY, { i: { memberId: zhao, reach: 'PLATFORM', toOrganizationId: gid('Organization', await orgId(db, '城东供电所党支部')), reason: '调入江川供电公司工作' } })).transferApply.transfer.id;
    const incoming = `{ transfers(first: 10, filter: { direction: INCOMING }) { totalCount nodes { id memberName } } }`;
    await ok(plantAdmin, t, 'AGREE');
    expect((await powerAdmin(incoming)).data!.transfers.totalCount).toBe(0);
    expect((await powerAdmin(READ, { id: t })).data?.node ?? null).toBeNull();
    expect(outcome(await act(powerAdmin, t, 'RECEIVE'), 'transferAct')).toBe('NOT_FOUND');
    await ok(plantAdmin, t, 'ISSUE');
    expect((await powerAdmin(incoming)).data!.transfers).toMatchObject({ totalCount: 1, nodes: [{ id: t, memberName: '赵敏' }] });
    // It waits in their 待办, due by the letter's last valid day.
    const todo = ((await powerAdmin(`{ todo(first: 100) { kind title dueAt } }`)).data!.todo as { kind: string; title: string; dueAt: string }[]).filter((i) => i.kind === 'transfers.waiting');
    expect(todo).toEqual([expect.objectContaining({ title: '组织关系转入待接收', dueAt: expect.any(String) })]);
    // The sending enterprise's record stays its own until receipt.
    expect((await powerAdmin(READ, { id: t })).data!.node.member).toBeNull();
    // What the letter says of the person, they read (the ID number masked).
    const person = (await powerAdmin(`query($id: ID!) { node(id: $id) { ... on Transfer { person { name sex category joinedOn idNumber } } } }`, { id: t })).data!.node.person;
    expect(person).toEqual({ name: '赵敏', sex: 'FEMALE', category: 'FULL', joinedOn: '2010-07-01', idNumber: '3701**********' + id('37010219920303002').slice(-4) });
    expect(outcome(await act(plantAdmin, t, 'RECEIVE'), 'transferAct')).toBe('FORBIDDEN');
    expect((await ok(powerAdmin, t, 'RECEIVE')).status).toBe('RECEIVED');
    const theirs = (await powerAdmin(READ, { id: t })).data!.node.member;
    expect(theirs).toMatchObject({ name: '赵敏', organization: { name: '城东供电所党支部' }, status: 'NORMAL' });
    // The same person (by ID number) on both enterprises' records: 已转出 in one, the roll in the other.
    const records = await db.query<{ name: string; status: string; enterprise: string }>(
      `select m.name, m.status, e.slug as enterprise from member m join enterprise e on e.id = m.enterprise_id
        where m.id_number_hash = (select id_number_hash from member where id = $1) order by m.id`,
      [Number(Buffer.from(zhao, 'base64url').toString().split(':')[1])],
    );
    expect(records).toEqual([{ name: '赵敏', status: 'TRANSFERRED_OUT', enterprise: 'huayou' }, { name: '赵敏', status: 'NORMAL', enterprise: 'jiangchuan-power' }]);
    await ok(powerAdmin, t, 'REPORT');
    expect(outcome(await act(powerAdmin, t, 'ARCHIVE'), 'transferAct')).toBe('FORBIDDEN'); // the sender archives
    expect((await ok(plantAdmin, t, 'ARCHIVE')).status).toBe('ARCHIVED');
    for (const who of [refineryAdmin, anonymous]) {
      expect((await who(READ, { id: t })).data?.node ?? null).toBeNull();
      expect((await who(`{ transfers(first: 10) { totalCount } }`)).data?.transfers?.totalCount ?? 0).toBe(0);
    }
  });

  it('refuses to receive an expired letter; the sender reissues it with a new number', async () => {
    const sun = await newMember('孙浩', '37010219930404001');
    const t = (await expectOk(plantAdmin, APPLY, { i: { memberId: sun, reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '采油四队党支部')), reason: '调动' } })).transferApply.transfer.id;
    await ok(plantAdmin, t, 'AGREE');
    const first = await ok(plantAdmin, t, 'ISSUE');
    const localId = Number(Buffer.from(t, 'base64url').toString().split(':')[1]);
    // Two days before its last valid day, both sides' admins are reminded, once.
    await db.query(`update transfer set valid_until = current_date + 2 where id = $1`, [localId]);
    const reminded = () => db.query(`select 1 from notification where kind = 'transfers.letter_expiring'`);
    for (let i = 0; i < 50 && (await reminded()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [notice] = await db.query<{ body: string }>(`select body from notification where kind = 'transfers.letter_expiring' limit 1`);
    expect(notice!.body).toContain('孙浩');
    // Time passes: the letter's last valid day was yesterday.
    await db.query(`update transfer set valid_until = current_date - 2 where id = $1`, [localId]);
    expect((await plantAdmin(READ, { id: t })).data!.node.status).toBe('EXPIRED');
    expect((await act(plantAdmin, t, 'RECEIVE')).data!.transferAct.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'transfer.expired' });
    const again = await ok(plantAdmin, t, 'ISSUE');
    expect(again.status).toBe('ISSUED');
    expect(again.letterNumber).not.toBe(first.letterNumber);
    expect((await ok(plantAdmin, t, 'RECEIVE')).status).toBe('RECEIVED');
  });

  it('off the platform: the letter names the destination; the 回执 coming back ends it and the record is 已转出', async () => {
    const zhou = await newMember('周琳', '37010219940505002');
    const res = await plantAdmin(APPLY, { i: { memberId: zhou, reach: 'EXTERNAL', toOrganizationId: gid('Organization', await orgId(db, '注水队党支部')), reason: '考取公务员' } });
    expect(res.data!.transferApply.userErrors[0]).toMatchObject({ field: ['input', 'toOrganizationId'] });
    const t = (await expectOk(plantAdmin, APPLY, { i: { memberId: zhou, reach: 'EXTERNAL', destination: '中共东营市东营区委组织部', reason: '考取公务员' } })).transferApply.transfer.id;
    await ok(plantAdmin, t, 'AGREE');
    await ok(plantAdmin, t, 'ISSUE');
    expect((await ok(plantAdmin, t, 'RECEIVE')).status).toBe('REPORTED');
    const [row] = await db.query<{ status: string }>(`select status from member where id = $1`, [Number(Buffer.from(zhou, 'base64url').toString().split(':')[1])]);
    expect(row!.status).toBe('TRANSFERRED_OUT');
  });

  it('refuses bad applications naming the field: a wrong reach, the same branch, a member not in good standing', async () => {
    const wu = await newMember('吴刚', '37010219950606001');
    const err = async (i: Record<string, unknown>) => (await plantAdmin(APPLY, { i: { memberId: wu, reason: '调动', ...i } })).data!.transferApply.userErrors[0];
    expect(await err({ reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '城东供电所党支部')) })).toMatchObject({ field: ['input', 'reach'] });
    expect(await err({ reach: 'PLATFORM', toOrganizationId: gid('Organization', await orgId(db, '注水队党支部')) })).toMatchObject({ field: ['input', 'reach'] });
    expect(await err({ reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '采油一队党支部')) })).toMatchObject({ field: ['input', 'toOrganizationId'] });
    expect(await err({ reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '第一采油厂党委')) })).toMatchObject({ field: ['input', 'toOrganizationId'] });
    await expectOk(plantAdmin, `mutation($id: ID!, $i: MemberStatusInput!) { memberStatusChange(id: $id, input: $i) { userErrors { message } } }`, { id: wu, i: { status: 'SUSPENDED', effectiveOn: '2026-10-01', reason: '失去联系超过六个月' } });
    expect(await err({ reach: 'INTERNAL', toOrganizationId: gid('Organization', await orgId(db, '注水队党支部')) })).toMatchObject({ rule: 'transfer.memberInGoodStanding' });
    // Another enterprise's admin cannot apply for him, nor see him.
    expect(outcome(await powerAdmin(APPLY, { i: { memberId: wu, reach: 'EXTERNAL', destination: 'x', reason: 'x' } }), 'transferApply')).toBe('NOT_FOUND');
  });
});
