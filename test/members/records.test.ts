/**
 * 党员档案 through the real endpoint: who reads a record and whether its personal data comes back
 * whole (audited) or masked; what never crosses a sibling branch's or another enterprise's line;
 * personal data sealed at rest and found by keyed hash; validation that names the field; the
 * rules of 党籍 status with their source.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, userId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor'] });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, anonymous } = as;

/** A fictional ID number with the right check character. */
const idNumber = (first17: string) => `${first17}${checkCharacter(first17)}`;
const ZHANG = idNumber('37010219880612003'); // born 1988-06-12, male (3 is odd)
const FIELDS = `id name sex birthDate idNumber phone address personalDataMasked joinedOn confirmedOn category status labels partyStanding organization { name } statusHistory { status effectiveOn reason }`;
const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { ${FIELDS} } userErrors { code field message } } }`;
const branch = async () => gid('Organization', await orgId(db, '采油一队党支部'));

async function create(extra: Record<string, unknown> = {}) {
  return plantAdmin(CREATE, {
    i: { organizationId: await branch(), name: '张伟', idNumber: ZHANG, phone: '138 0000 0001', address: '山东省济南市历下区泉城路1号', joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', labels: ['党务工作者'], ...extra },
  });
}

describe('member records', () => {
  let id: string;

  it('a branch’s admin (or above) records a member; personal data is sealed at rest', async () => {
    const res = await create({ userId: gid('User', await userId(db, '13800000001')) });
    expect(res.data!.memberCreate.userErrors).toEqual([]);
    const m = res.data!.memberCreate.member;
    id = m.id;
    expect(m).toMatchObject({ name: '张伟', sex: 'MALE', birthDate: '1988-06-12', idNumber: ZHANG, phone: '13800000001', personalDataMasked: false, category: 'FULL', status: 'NORMAL', organization: { name: '采油一队党支部' } });
    expect(m.partyStanding).toBeGreaterThanOrEqual(13);
    expect(m.statusHistory).toEqual([{ status: 'NORMAL', effectiveOn: '2012-07-01', reason: '建档' }]);
    const [row] = await db.query<{ id_number_sealed: string; phone_sealed: string; address_sealed: string; id_number_hash: string }>(`select id_number_sealed, phone_sealed, address_sealed, id_number_hash from member`);
    expect(JSON.stringify(row)).not.toMatch(/3701021988|13800000001|泉城路/);
    expect(row!.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('whole for the admins above and the member themself (each whole read audited); masked for reviewers', async () => {
    const read = `query($id: ID!) { node(id: $id) { ... on Member { idNumber phone address personalDataMasked } } }`;
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'member.unmask'`))[0]!.n;
    expect((await plantAdmin(read, { id })).data!.node).toEqual({ idNumber: ZHANG, phone: '13800000001', address: '山东省济南市历下区泉城路1号', personalDataMasked: false });
    const mine = await member(`{ myMemberRecord { name idNumber personalDataMasked } }`);
    expect(mine.data!.myMemberRecord).toEqual({ name: '张伟', idNumber: ZHANG, personalDataMasked: false });
    const audits = await db.query<{ actor: string }>(`select u.display_name as actor from audit_event a join app_user u on u.id = a.actor_user_id where a.action = 'member.unmask' order by a.id`);
    expect(audits.length - before).toBe(2); // one per record and request, whatever fields were read
    expect(audits.slice(before).map((a) => a.actor)).toEqual(['李红梅', '张伟']);

    const masked = (await plantReviewer(read, { id })).data!.node;
    expect(masked).toEqual({ idNumber: `${ZHANG.slice(0, 4)}**********${ZHANG.slice(-4)}`, phone: '138****0001', address: '山东省济南市****', personalDataMasked: true });
    expect((await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'member.unmask'`))[0]!.n).toBe(before + 2);
  });

  it('is never seen by a sibling’s admin, another enterprise, an editor, or the public — in lists, counts, node or lookups', async () => {
    // The plant's own branch (the demo's members are elsewhere in the plant and the group).
    const list = `query($o: ID!) { members(first: 10, filter: { organizationId: $o }) { totalCount nodes { name } } }`;
    const own = { o: await branch() };
    expect((await plantAdmin(list, own)).data!.members.totalCount).toBe(1);
    for (const who of [refineryAdmin, powerAdmin, branchEditor, anonymous]) {
      expect((await who(list, own)).data!.members).toEqual({ totalCount: 0, nodes: [] });
      expect((await who(`query($id: ID!) { node(id: $id) { id } }`, { id })).data?.node ?? null).toBeNull();
      expect((await who(`query($n: String!) { memberByIdNumber(idNumber: $n) { name } }`, { n: ZHANG })).data?.memberByIdNumber ?? null).toBeNull();
    }
    expect((await plantAdmin(`query($n: String!) { memberByIdNumber(idNumber: $n) { name } }`, { n: ZHANG.toLowerCase() })).data!.memberByIdNumber).toEqual({ name: '张伟' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from member`))[0]!.n;
    const before = await count();
    const wrongDigit = `${ZHANG.slice(0, 17)}${ZHANG[17] === '1' ? '2' : '1'}`;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ idNumber: wrongDigit }, 'idNumber', /check character/],
      [{ idNumber: idNumber('37010219880230003') }, 'idNumber', /birth date/],
      [{ idNumber: idNumber('37010219880612004'), sex: 'MALE' }, 'idNumber', /other sex/],
      [{ phone: '12345' }, 'phone', /mobile/],
      [{ organizationId: gid('Organization', await orgId(db, '第一采油厂党委')) }, 'organizationId', /branch/],
      [{ category: 'FULL', confirmedOn: null }, 'confirmedOn', /confirmation date/],
      [{ joinedOn: '2099-01-01' }, 'joinedOn', /future/],
    ];
    for (const [extra, field, message] of cases) {
      const res = await create({ idNumber: idNumber('11010519900307123'), ...extra });
      const [error] = res.data!.memberCreate.userErrors;
      expect(error, JSON.stringify(extra)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', field] });
      expect(error.message).toMatch(message);
    }
    const duplicate = (await create()).data!.memberCreate.userErrors[0];
    expect(duplicate).toMatchObject({ code: 'CONFLICT', field: ['input', 'idNumber'] });
    expect(await count()).toBe(before);
    // A probation shorter than a year is refused with the rule and its source.
    const early = await plantAdmin(CREATE, { i: { organizationId: await branch(), name: '刘敏', idNumber: idNumber('11010519900307124'), joinedOn: '2024-07-01', confirmedOn: '2025-03-01', category: 'FULL' } });
    expect(early.data!.memberCreate.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/预备期.*DOMAIN-RULES §3/) });
    // Only admins keep records.
    expect((await plantReviewer(CREATE, { i: { organizationId: await branch(), name: '刘敏', idNumber: idNumber('11010519900307124'), joinedOn: '2024-07-01', category: 'PROBATIONARY' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('records 党籍 changes with dates; only 停止党籍 can be restored (rule and source named)', async () => {
    const CHANGE = `mutation($id: ID!, $i: MemberStatusInput!) { memberStatusChange(id: $id, input: $i) { member { status statusHistory { status effectiveOn } } userErrors { code message } } }`;
    const suspend = await expectOk(plantAdmin, CHANGE, { id, i: { status: 'SUSPENDED', effectiveOn: '2026-06-01', reason: '失去联系满六个月，经支部大会决定停止党籍。' } });
    expect(suspend.memberStatusChange.member.status).toBe('SUSPENDED');
    await expectOk(plantAdmin, CHANGE, { id, i: { status: 'NORMAL', effectiveOn: '2026-09-01', reason: '已取得联系，恢复党籍。' } });
    await expectOk(plantAdmin, CHANGE, { id, i: { status: 'EXPELLED', effectiveOn: '2026-10-01', reason: '经党委批准开除党籍。' } });
    const back = await plantAdmin(CHANGE, { id, i: { status: 'NORMAL', effectiveOn: '2026-11-01', reason: '申请恢复' } });
    expect(back.data!.memberStatusChange.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/only 停止党籍 can be restored.*DOMAIN-RULES §2/) });
    const history = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Member { statusHistory { status effectiveOn } } } }`, { id })).data!.node.statusHistory;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['NORMAL', 'SUSPENDED', 'NORMAL', 'EXPELLED']);
    expect((await refineryAdmin(CHANGE, { id, i: { status: 'DECEASED', effectiveOn: '2026-11-01', reason: 'x' } })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('shows the new actions in effectivePermissions: admins keep records, reviewers only read them', async () => {
    const Q = `query($o: ID!) { effectivePermissions(organizationId: $o) { permissions { action allowed } } }`;
    const pick = (res: { data?: any }) =>
      Object.fromEntries(res.data!.effectivePermissions.permissions.filter((p: { action: string }) => /MemberRecords$/.test(p.action)).map((p: { action: string; allowed: boolean }) => [p.action, p.allowed]));
    expect(pick(await plantAdmin(Q, { o: await branch() }))).toEqual({ readMemberRecords: true, manageMemberRecords: true });
    expect(pick(await plantReviewer(Q, { o: await branch() }))).toEqual({ readMemberRecords: true, manageMemberRecords: false });
    expect(pick(await branchEditor(Q, { o: await branch() }))).toEqual({ readMemberRecords: false, manageMemberRecords: false });
  });
});
