/**
 * 奖惩 and 党内关爱 on a member's record: entries with their rules (留党察看 at most two years, and
 * while it runs no standing for a committee), visible to the record's readers only.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, userId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'member'] });
const { plantAdmin, plantReviewer, refineryAdmin, member } = as;
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const AWARD = `mutation($i: MemberAwardInput!) { memberAwardAdd(input: $i) { member { underProbation awards { kind discipline title until } } userErrors { code field message } } }`;
const CARE = `mutation($i: MemberCareInput!) { memberCareAdd(input: $i) { member { care { kind by amountFen note } } userErrors { code field message } } }`;

describe('奖惩 and 党内关爱', () => {
  let zhang: string;

  it('records awards and disciplines; 留党察看 has an end at most two years on', async () => {
    const created = await expectOk(plantAdmin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), name: '张伟', idNumber: id('37010219880612003'), joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', userId: gid('User', await userId(db, '13800000001')) },
    });
    zhang = created.memberCreate.member.id;
    await expectOk(plantAdmin, AWARD, { i: { memberId: zhang, kind: 'AWARD', title: '优秀共产党员', decidedOn: '2021-06-28', decidedBy: '中共第一采油厂委员会' } });
    const tooLong = await plantAdmin(AWARD, { i: { memberId: zhang, kind: 'DISCIPLINE', discipline: 'PROBATION', title: '留党察看', decidedOn: '2026-03-01', decidedBy: '中共第一采油厂纪律检查委员会', until: '2028-06-01' } });
    expect(tooLong.data!.memberAwardAdd.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/at most two years.*DOMAIN-RULES/) });
    const noEnd = await plantAdmin(AWARD, { i: { memberId: zhang, kind: 'DISCIPLINE', discipline: 'PROBATION', title: '留党察看', decidedOn: '2026-03-01', decidedBy: '纪委' } });
    expect(noEnd.data!.memberAwardAdd.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'until'] });
    const unnamed = await plantAdmin(AWARD, { i: { memberId: zhang, kind: 'DISCIPLINE', title: '处分', decidedOn: '2026-03-01', decidedBy: '纪委' } });
    expect(unnamed.data!.memberAwardAdd.userErrors[0]).toMatchObject({ field: ['input', 'discipline'] });
    const probation = await expectOk(plantAdmin, AWARD, { i: { memberId: zhang, kind: 'DISCIPLINE', discipline: 'PROBATION', title: '留党察看一年', decidedOn: '2026-03-01', decidedBy: '中共第一采油厂纪律检查委员会', until: '2027-03-01' } });
    expect(probation.memberAwardAdd.member.underProbation).toBe(true);
    expect(probation.memberAwardAdd.member.awards.map((a: { title: string }) => a.title)).toEqual(['留党察看一年', '优秀共产党员']);
  });

  it('refuses a committee post to a member under 留党察看, naming the rule', async () => {
    const res = await plantAdmin(`mutation($i: MemberPostInput!) { memberPostAssign(input: $i) { userErrors { code message } } }`, {
      i: { memberId: zhang, organizationId: gid('Organization', await orgId(db, '采油一队党支部')), post: 'PROPAGANDA', startedOn: '2026-06-01' },
    });
    expect(res.data!.memberPostAssign.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/留党察看.*基层组织选举工作条例/) });
  });

  it('records care with the money given; readers see it, others do not; only admins write', async () => {
    const cared = await expectOk(plantAdmin, CARE, { i: { memberId: zhang, kind: 'ILLNESS', happenedOn: '2026-10-08', by: '厂党委书记 王建国', amount: '500', note: '住院期间看望，送去慰问金。' } });
    expect(cared.memberCareAdd.member.care).toEqual([{ kind: 'ILLNESS', by: '厂党委书记 王建国', amountFen: 50_000, note: '住院期间看望，送去慰问金。' }]);
    expect((await plantAdmin(CARE, { i: { memberId: zhang, kind: 'VISIT', happenedOn: '2026-10-08', by: '书记', amount: '五百' } })).data!.memberCareAdd.userErrors[0]).toMatchObject({ field: ['input', 'amount'] });
    expect((await plantReviewer(CARE, { i: { memberId: zhang, kind: 'VISIT', happenedOn: '2026-10-08', by: '书记' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await refineryAdmin(CARE, { i: { memberId: zhang, kind: 'VISIT', happenedOn: '2026-10-08', by: '书记' } })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const READ = `query($id: ID!) { node(id: $id) { ... on Member { awards { title } care { kind } } } }`;
    expect((await plantReviewer(READ, { id: zhang })).data!.node).toEqual({ awards: [{ title: '留党察看一年' }, { title: '优秀共产党员' }], care: [{ kind: 'ILLNESS' }] });
    expect((await member(`{ myMemberRecord { care { kind } underProbation } }`)).data!.myMemberRecord).toEqual({ care: [{ kind: 'ILLNESS' }], underProbation: true });
    expect((await refineryAdmin(READ, { id: zhang })).data?.node ?? null).toBeNull();
  });
});
