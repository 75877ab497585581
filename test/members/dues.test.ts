/**
 * 党费 through the real endpoint: bases, a branch's months computed by the rules of DOMAIN-RULES
 * §7, payments that a retry never counts twice, reductions approved above the branch, arrears
 * flagged (never a status change), and who sees what.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, userId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor', 'groupAdmin'] });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, groupAdmin } = as;
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;

const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`;
const BASE = `mutation($i: DuesBaseInput!) { duesBaseSet(input: $i) { member { name } userErrors { code field message } } }`;
const OPEN = `mutation($i: DuesMonthOpenInput!) { duesMonthOpen(input: $i) { duesMonth { id month status totals { members owedFen } } missingBase { name } userErrors { code field message } } }`;
const PAY = `mutation($i: DuesPayInput!) { duesPay(input: $i) { item { period status paidFen } userErrors { code field message } } }`;
const MONTH = `query($o: ID!, $m: String!) { duesMonth(organizationId: $o, month: $m) { month items { id period dueFen rate baseFen status member { name } } totals { members owedFen paidFen unpaid } } }`;
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

describe('党费', () => {
  const ids: Record<string, string> = {};
  let branch: string;
  const items: Record<string, Record<string, string>> = {};

  it('computes each member’s dues from their base: whole-base brackets, pensions, the 0.2-yuan class; 预备党员 from the 支部大会 month', async () => {
    branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const people = [
      { name: '张伟', idNumber: id('37010219880612003'), joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', userId: gid('User', await userId(db, '13800000001')) },
      { name: '李老', idNumber: id('37050219500101001'), joinedOn: '1975-07-01', confirmedOn: '1976-07-01', category: 'FULL' },
      { name: '王芳', idNumber: id('37050220030303002'), joinedOn: '2026-09-15', category: 'PROBATIONARY' },
      { name: '赵无基数', idNumber: id('37050219900101001'), joinedOn: '2015-07-01', confirmedOn: '2016-07-01', category: 'FULL' },
    ];
    for (const p of people) {
      const res = await plantAdmin(CREATE, { i: { organizationId: branch, ...p } });
      expect(res.data!.memberCreate.userErrors).toEqual([]);
      ids[p.name] = res.data!.memberCreate.member.id;
    }
    await expectOk(plantAdmin, BASE, { i: { memberId: ids['张伟'], kind: 'WAGE', amount: '6,850.00', fromMonth: '2026-01' } });
    await expectOk(plantAdmin, BASE, { i: { memberId: ids['李老'], kind: 'PENSION', amount: '5000', fromMonth: '2020-01' } });
    await expectOk(plantAdmin, BASE, { i: { memberId: ids['王芳'], kind: 'FIXED_MINIMUM', amount: '0', fromMonth: '2026-09' } });
    // Bad bases name the field.
    expect((await plantAdmin(BASE, { i: { memberId: ids['王芳'], kind: 'FARMER', amount: '5', fromMonth: '2026-09' } })).data!.duesBaseSet.userErrors[0]).toMatchObject({ field: ['input', 'amount'], message: expect.stringContaining('0.2 to 1 yuan') });
    expect((await plantAdmin(BASE, { i: { memberId: ids['王芳'], kind: 'WAGE', amount: '五千', fromMonth: '2026-09' } })).data!.duesBaseSet.userErrors[0]).toMatchObject({ field: ['input', 'amount'] });
    expect((await plantAdmin(BASE, { i: { memberId: ids['王芳'], kind: 'WAGE', amount: '5000', fromMonth: '2026-13' } })).data!.duesBaseSet.userErrors[0]).toMatchObject({ field: ['input', 'fromMonth'] });
    expect((await plantReviewer(BASE, { i: { memberId: ids['张伟'], kind: 'WAGE', amount: '1', fromMonth: '2026-01' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    for (const month of MONTHS) {
      const opened = await expectOk(plantAdmin, OPEN, { i: { organizationId: branch, month } });
      expect(opened.duesMonthOpen.missingBase.map((m: { name: string }) => m.name)).toEqual(['赵无基数']);
    }
    const august = (await plantAdmin(MONTH, { o: branch, m: '2026-08' })).data!.duesMonth;
    const byName = Object.fromEntries(august.items.map((i: { member: { name: string } }) => [i.member.name, i]));
    expect(Object.keys(byName).sort()).toEqual(['张伟', '李老'].sort()); // 王芳 joined in September
    expect(byName['张伟']).toMatchObject({ dueFen: 10275, rate: '1.5%', baseFen: 685000 }); // 6,850 × 1.5%
    expect(byName['李老']).toMatchObject({ dueFen: 2500, rate: '0.5%' });
    const september = (await plantAdmin(MONTH, { o: branch, m: '2026-09' })).data!.duesMonth;
    expect(september.items.find((i: { member: { name: string } }) => i.member.name === '王芳')).toMatchObject({ dueFen: 20, rate: null });
    for (const month of MONTHS) {
      const list = (await plantAdmin(MONTH, { o: branch, m: month })).data!.duesMonth.items as { id: string; member: { name: string } }[];
      for (const item of list) (items[item.member.name] ??= {})[month] = item.id;
    }
    const againRes = await plantAdmin(OPEN, { i: { organizationId: branch, month: '2026-08' } });
    const again = againRes.data?.duesMonthOpen.userErrors[0] ?? againRes.errors;
    expect(again).toMatchObject({ code: 'CONFLICT', field: ['input', 'month'] });
    const committee = await plantAdmin(OPEN, { i: { organizationId: gid('Organization', await orgId(db, '第一采油厂党委')), month: '2026-08' } });
    expect(committee.data?.duesMonthOpen.userErrors[0], JSON.stringify(committee.errors)).toMatchObject({ field: ['input', 'organizationId'] });
  });

  it('counts a payment once however often it is retried', async () => {
    const pay = (who: typeof member, month: string, key: string, amount = '102.75', channel = 'ONLINE') =>
      who(PAY, { i: { itemId: items['张伟']![month], amount, channel, idempotencyKey: key } });
    const first = await pay(member, '2026-08', 'pay-2026-08-zhangwei-0001');
    expect(first.data!.duesPay).toMatchObject({ item: { period: '2026-08', status: 'PAID', paidFen: 10275 }, userErrors: [] });
    const retried = await Promise.all([pay(member, '2026-08', 'pay-2026-08-zhangwei-0001'), pay(member, '2026-08', 'pay-2026-08-zhangwei-0001')]);
    for (const r of retried) expect(r.data!.duesPay.userErrors).toEqual([]);
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from dues_payment p join dues_item i on i.id = p.item_id where i.period = '2026-08' and i.member_id = (select id from member where name = '张伟')`)) as [{ n: number }];
    expect(n).toBe(1);
    expect((await pay(member, '2026-08', 'pay-2026-08-zhangwei-0002')).data!.duesPay.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('paid already') });
    expect((await pay(member, '2026-08', 'pay-2026-08-zhangwei-0001', '200.00')).data!.duesPay.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'idempotencyKey'] });
    expect((await pay(member, '2026-09', 'pay-2026-09-zhangwei-0001', '100.00')).data!.duesPay.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amount'] });
    // A member pays their own online, not in cash, and never another's.
    expect((await pay(member, '2026-09', 'pay-2026-09-zhangwei-cash', '102.75', 'CASH')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const other = await member(PAY, { i: { itemId: items['李老']!['2026-08'], amount: '25', channel: 'ONLINE', idempotencyKey: 'pay-2026-08-lilao-0001' } });
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // The branch's admin records 代缴 for 李老 in October.
    const proxy = await plantAdmin(PAY, { i: { itemId: items['李老']!['2026-10'], amount: '25.00', channel: 'PROXY', proxyName: '李老的女儿', idempotencyKey: 'pay-2026-10-lilao-proxy' } });
    expect(proxy.data!.duesPay.item.status).toBe('PAID');
  });

  it('refuses a back-payment older than six months, naming the rule', async () => {
    await expectOk(plantAdmin, OPEN, { i: { organizationId: branch, month: '2026-04' } });
    const april = (await plantAdmin(MONTH, { o: branch, m: '2026-04' })).data!.duesMonth.items.find((i: { member: { name: string } }) => i.member.name === '张伟');
    const late = await member(PAY, { i: { itemId: april.id, amount: '102.75', channel: 'ONLINE', idempotencyKey: 'pay-2026-04-zhangwei-0001' } });
    expect(late.data!.duesPay.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/补交.*6 months.*DOMAIN-RULES §7/) });
  });

  it('takes a hardship reduction only from the committee above the branch', async () => {
    const REDUCE = `mutation($i: DuesReduceInput!) { duesReduce(input: $i) { item { status reductionFen owedFen } userErrors { code message } } }`;
    const [membership] = await db.query<{ id: number }>(`insert into membership (user_id, organization_id, enterprise_id, role) values ((select id from app_user where email = 'editor@cy1.huayou.example'), $1, 1, 'ORG_ADMIN') returning id`, [await orgId(db, '采油一队党支部')]);
    try {
      const own = await branchEditor(REDUCE, { i: { itemId: items['李老']!['2026-05'], amount: '25', reason: '因病住院，家庭困难' } });
      expect(own.data!.duesReduce.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/committee above.*第七条/) });
    } finally {
      await db.query(`delete from membership where id = $1`, [membership!.id]);
    }
    const approved = await expectOk(plantAdmin, REDUCE, { i: { itemId: items['李老']!['2026-05'], amount: '25', reason: '因病住院，家庭困难' } });
    expect(approved.duesReduce.item).toEqual({ status: 'EXEMPT', reductionFen: 2500, owedFen: 0 });
  });

  it('shows standing and arrears — a flag for the branch, never a status change; the alert threshold is LOCAL', async () => {
    const STANDING = `query($id: ID!) { node(id: $id) { ... on Member { status duesStanding { paidUpTo unpaidMonths flag } } } }`;
    // 李老: April unpaid (so paid up to nothing), May waived, June–September unpaid, October paid by proxy → none late in a row at the end.
    expect((await plantAdmin(STANDING, { id: ids['李老'] })).data!.node.duesStanding).toEqual({ paidUpTo: null, unpaidMonths: 0, flag: 'NONE' });
    // 张伟: April–July unpaid, August paid, September–October unpaid.
    expect((await plantAdmin(STANDING, { id: ids['张伟'] })).data!.node.duesStanding).toEqual({ paidUpTo: null, unpaidMonths: 2, flag: 'NONE' });
    await expectOk(groupAdmin, `mutation { localRuleSet(input: { enterpriseId: "${gid('Enterprise', 1)}", key: "dues.arrearsAlertMonths", value: 2 }) { userErrors { code } } }`);
    expect((await plantAdmin(STANDING, { id: ids['张伟'] })).data!.node.duesStanding.flag).toBe('ARREARS');
    // Six months in a row unpaid: a flag for the branch to decide; the status stays NORMAL.
    await db.query(`update dues_item set status = 'UNPAID', paid_fen = 0, paid_at = null where member_id = (select id from member where name = '张伟')`);
    expect((await plantAdmin(STANDING, { id: ids['张伟'] })).data!.node).toEqual({ status: 'NORMAL', duesStanding: { paidUpTo: null, unpaidMonths: 7, flag: 'BRANCH_DECISION' } });
  });

  it('shows the member their own dues with the base; reviewers without it; nobody else at all', async () => {
    const mine = (await member(`{ myMemberRecord { dues(last: 3) { period dueFen baseFen status } duesStanding { unpaidMonths } } }`)).data!.myMemberRecord;
    expect(mine.dues.map((d: { period: string }) => d.period)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(mine.dues[0]).toMatchObject({ dueFen: 10275, baseFen: 685000 });
    const reviewed = (await plantReviewer(MONTH, { o: branch, m: '2026-08' })).data!.duesMonth.items;
    expect(reviewed.length).toBe(2);
    for (const item of reviewed) expect(item.baseFen).toBeNull();
    for (const who of [refineryAdmin, powerAdmin]) expect((await who(MONTH, { o: branch, m: '2026-08' })).data!.duesMonth).toBeNull();
    expect((await member(MONTH, { o: branch, m: '2026-08' })).data!.duesMonth).toBeNull();
  });
});
