/**
 * 流动党员 through the real endpoint: registration before leaving, the home 党委's approval with
 * the 活动证 number, the host on the platform (another enterprise too) confirming the arrival and
 * seeing the registration only from then on, the contact log and its flags, the return; one open
 * registration per member; who sees what.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome, userId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member'], env: { REMINDER_INTERVAL_MS: '200' } });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member } = as;
const REGISTER = `mutation($i: MobileRegisterInput!) { mobileRegister(input: $i) { registration { id status } userErrors { code field message rule } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on MobileRegistration { memberName status cardNumber place hostOrganization { name } flags contacts { kind contactedOn } } } }`;

describe('流动党员', () => {
  let zhang: string;
  let away: string;

  it('registers an absence (by the member), approved by the home 党委 with a 活动证 number and the 流动党员 label', async () => {
    zhang = (await expectOk(plantAdmin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), name: '张伟', idNumber: '37010219880612003' + checkCharacter('37010219880612003'), joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', userId: gid('User', await userId(db, '13800000001')) },
    })).memberCreate.member.id;
    const registered = await expectOk(member, REGISTER, { i: { memberId: zhang, hostOrganizationId: gid('Organization', await orgId(db, '城东供电所党支部')), place: '江川市城东区', reason: '外派支援电网抢修', employer: '江川供电公司', startsOn: '2026-03-01', expectedReturnOn: '2027-03-01' } });
    away = registered.mobileRegister.registration.id;
    const again = await member(REGISTER, { i: { memberId: zhang, place: '北京', reason: '学习', startsOn: '2026-04-01' } });
    expect(again.data!.mobileRegister.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'mobility.oneOpen' });
    // The host sees nothing before the 活动证 is issued.
    expect((await powerAdmin(READ, { id: away })).data?.node ?? null).toBeNull();
    expect(outcome(await plantReviewer(`mutation($id: ID!) { mobileDecide(id: $id, approve: true) { userErrors { code } } }`, { id: away }), 'mobileDecide')).toBe('FORBIDDEN');
    const decided = await expectOk(plantAdmin, `mutation($id: ID!) { mobileDecide(id: $id, approve: true) { registration { status cardNumber } userErrors { code } } }`, { id: away });
    expect(decided.mobileDecide.registration).toEqual({ status: 'APPROVED', cardNumber: expect.stringMatching(/^LD2026\d{6}$/) });
    const [labels] = await db.query<{ labels: string[] }>(`select labels from member where id = $1`, [Number(Buffer.from(zhang, 'base64url').toString().split(':')[1])]);
    expect(labels!.labels).toContain('流动党员');
  });

  it('lets the host (another enterprise) confirm the arrival and see the registration, not the member’s record', async () => {
    const host = (await powerAdmin(READ, { id: away })).data!.node;
    expect(host).toMatchObject({ memberName: '张伟', status: 'APPROVED', hostOrganization: { name: '城东供电所党支部' } });
    expect((await powerAdmin(`{ mobileRegistrations(first: 10, filter: { side: HOST }) { totalCount } }`)).data!.mobileRegistrations.totalCount).toBe(1);
    expect((await powerAdmin(`query($id: ID!) { node(id: $id) { ... on Member { name } } }`, { id: zhang })).data?.node ?? null).toBeNull();
    expect(outcome(await plantAdmin(`mutation($id: ID!) { mobileArrive(id: $id, arrivedOn: "2026-03-03") { userErrors { code } } }`, { id: away }), 'mobileArrive')).toBe('FORBIDDEN');
    const arrived = await expectOk(powerAdmin, `mutation($id: ID!) { mobileArrive(id: $id, arrivedOn: "2026-03-03") { registration { status arrivedOn } userErrors { code } } }`, { id: away });
    expect(arrived.mobileArrive.registration).toEqual({ status: 'AT_HOST', arrivedOn: '2026-03-03' });
    for (const who of [refineryAdmin]) expect((await who(READ, { id: away })).data?.node ?? null).toBeNull();
  });

  it('invites the member to the host’s meetings as a guest who never votes; the host signs him in by his e-card', async () => {
    const planned = await expectOk(powerAdmin, `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '城东供电所党支部')), type: 'THEME_DAY', topic: '安全用电进社区', startsAt: new Date(Date.now() - 300_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString(), place: '城东供电所' },
    });
    const meeting = planned.meetingPlan.meeting.id;
    const token = (await member(`query($id: ID!) { node(id: $id) { ... on Member { card { token } } } }`, { id: zhang })).data!.node.card.token;
    const scanned = await expectOk(powerAdmin, `mutation($id: ID!, $c: String!) { meetingSignInByCard(id: $id, card: $c) { signedIn userErrors { message } } }`, { id: meeting, c: token });
    expect(scanned.meetingSignInByCard.signedIn).toBe('张伟');
    const seen = (await powerAdmin(`query($id: ID!) { node(id: $id) { ... on Meeting { counts { invited expected attended guests } attendees { name voting guest attendance signInMethod } } } }`, { id: meeting })).data!.node;
    expect(seen.counts).toEqual({ invited: 1, expected: 0, attended: 1, guests: 1 });
    expect(seen.attendees).toEqual([{ name: '张伟', voting: false, guest: true, attendance: 'PRESENT', signInMethod: 'CARD' }]);
    // The meeting is in his e-handbook too.
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const book = (await member(`query($y: Int!) { memberHandbook(year: $y) { meetings { topic attendance } } }`, { y: year })).data!.memberHandbook;
    expect(book.meetings).toContainEqual({ topic: '安全用电进社区', attendance: 'PRESENT' });
  });

  it('flags six months without contact and a year without a report home, and clears them with contacts', async () => {
    // Left on 1 March, no contact since: past six months by now.
    expect((await plantAdmin(READ, { id: away })).data!.node.flags).toContain('NO_CONTACT');
    // …and the home branch's admins are reminded, once.
    const reminded = () => db.query<{ body: string }>(`select n.body from notification n join app_user u on u.id = n.recipient_id where n.kind = 'mobility.out_of_touch' and u.email = 'admin@cy1.huayou.example'`);
    for (let i = 0; i < 50 && (await reminded()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const bodies = (await reminded()).map((n) => n.body);
    expect(bodies).toEqual([expect.stringContaining('张伟同志（外出至江川市城东区）已超过6个月未联系')]);
    const CONTACT = `mutation($i: MobileContactInput!) { mobileContactAdd(input: $i) { registration { flags } userErrors { code field } } }`;
    expect((await plantAdmin(CONTACT, { i: { registrationId: away, kind: 'PHONE', contactedOn: '2026-02-01', note: '电话联系' } })).data!.mobileContactAdd.userErrors[0]).toMatchObject({ field: ['input', 'contactedOn'] });
    await expectOk(plantAdmin, CONTACT, { i: { registrationId: away, kind: 'PHONE', contactedOn: '2026-11-20', note: '电话联系，工作生活正常' } });
    const after = await expectOk(powerAdmin, CONTACT, { i: { registrationId: away, kind: 'YEARLY_REPORT', contactedOn: '2026-11-25', note: '向党支部书面报告一年来的思想、工作情况' } });
    expect(after.mobileContactAdd.registration.flags).toEqual([]);
    expect((await member(READ, { id: away })).data!.node.contacts.map((c: { kind: string }) => c.kind)).toEqual(['YEARLY_REPORT', 'PHONE']);
  });

  it('pays dues at the host: the host’s month itemises the guest (name only), its own branch leaves them out; the host records the payment', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await expectOk(plantAdmin, `mutation($i: DuesBaseInput!) { duesBaseSet(input: $i) { userErrors { message } } }`, { i: { memberId: zhang, kind: 'WAGE', amount: '6000', fromMonth: '2026-01' } });
    const OPEN = `mutation($i: DuesMonthOpenInput!) { duesMonthOpen(input: $i) { userErrors { message } } }`;
    const MONTH = `query($o: ID!, $m: String!) { duesMonth(organizationId: $o, month: $m) { items { id memberName dueFen baseFen member { name } } } }`;
    const host = gid('Organization', await orgId(db, '城东供电所党支部'));
    const home = gid('Organization', await orgId(db, '采油一队党支部'));
    await expectOk(powerAdmin, OPEN, { i: { organizationId: host, month } });
    await expectOk(plantAdmin, OPEN, { i: { organizationId: home, month } });
    const atHost = (await powerAdmin(MONTH, { o: host, m: month })).data!.duesMonth.items.find((i: { memberName: string }) => i.memberName === '张伟');
    // 6,000 × 1.5%: the base stays the home's (not shown to the host), the record too.
    expect(atHost).toMatchObject({ memberName: '张伟', dueFen: 9000, baseFen: null, member: null });
    expect((await plantAdmin(MONTH, { o: home, m: month })).data!.duesMonth.items.map((i: { memberName: string }) => i.memberName)).not.toContain('张伟');
    const paid = await expectOk(powerAdmin, `mutation($i: DuesPayInput!) { duesPay(input: $i) { item { status } userErrors { code message } } }`, { i: { itemId: atHost.id, amount: '90.00', channel: 'CASH', idempotencyKey: 'host-cash-zhangwei-0001' } });
    expect(paid.duesPay.item.status).toBe('PAID');
    // The home sees it paid on the member's record; another enterprise's admin still not the record.
    const dues = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Member { dues { period status } } } }`, { id: zhang })).data!.node.dues;
    expect(dues).toContainEqual({ period: month, status: 'PAID' });
    expect(outcome(await refineryAdmin(`mutation($i: DuesPayInput!) { duesPay(input: $i) { userErrors { code } } }`, { i: { itemId: atHost.id, amount: '90.00', channel: 'CASH', idempotencyKey: 'other-0000001' } }), 'duesPay')).toBe('NOT_FOUND');
  });

  it('closes on return (the home branch), and the label goes', async () => {
    expect(outcome(await powerAdmin(`mutation($id: ID!) { mobileReturn(id: $id, returnedOn: "2026-11-28") { userErrors { code } } }`, { id: away }), 'mobileReturn')).toBe('FORBIDDEN');
    const back = await expectOk(plantAdmin, `mutation($id: ID!) { mobileReturn(id: $id, returnedOn: "2026-11-28") { registration { status returnedOn flags } userErrors { code } } }`, { id: away });
    expect(back.mobileReturn.registration).toEqual({ status: 'RETURNED', returnedOn: '2026-11-28', flags: [] });
    const [labels] = await db.query<{ labels: string[] }>(`select labels from member where id = $1`, [Number(Buffer.from(zhang, 'base64url').toString().split(':')[1])]);
    expect(labels!.labels).not.toContain('流动党员');
    // Now a new absence may be registered; a declined one needs a reason.
    const next = (await expectOk(plantAdmin, REGISTER, { i: { memberId: zhang, place: '德国汉诺威', abroad: true, reason: '公派进修', startsOn: '2026-12-01' } })).mobileRegister.registration.id;
    expect((await plantAdmin(`mutation($id: ID!) { mobileDecide(id: $id, approve: false) { userErrors { field } } }`, { id: next })).data!.mobileDecide.userErrors[0]).toMatchObject({ field: ['input', 'note'] });
    expect((await expectOk(plantAdmin, `mutation($id: ID!) { mobileDecide(id: $id, approve: false, note: "请先办理因公出国审批") { registration { status } userErrors { code } } }`, { id: next })).mobileDecide.registration.status).toBe('REJECTED');
  });

  it('gathers three members away together into a 临时党支部 that holds their organisational life', async () => {
    const branch = gid('Organization', await orgId(db, '采油二队党支部'));
    const REGISTER_AS_ADMIN = `mutation($i: MobileRegisterInput!) { mobileRegister(input: $i) { registration { id } userErrors { message } } }`;
    const away: string[] = [];
    for (const [i, name] of ['马军', '朱明', '胡涛'].entries()) {
      const body = `37010219820${i + 1}1500${i + 5}`;
      const made = await expectOk(plantAdmin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, {
        i: { organizationId: branch, name, idNumber: body + checkCharacter(body), joinedOn: '2010-07-01', confirmedOn: '2011-07-01', category: 'FULL' },
      });
      const registered = await expectOk(plantAdmin, REGISTER_AS_ADMIN, { i: { memberId: made.memberCreate.member.id, place: i === 1 ? '新疆 克拉玛依' : '新疆克拉玛依', reason: '油田技术服务项目', startsOn: '2026-09-01' } });
      away.push(registered.mobileRegister.registration.id);
      await expectOk(plantAdmin, `mutation($id: ID!) { mobileDecide(id: $id, approve: true) { userErrors { code } } }`, { id: registered.mobileRegister.registration.id });
    }
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const clusters = (await plantAdmin(`query($o: ID!) { mobileClusters(organizationId: $o) { place registrations { memberName } } }`, { o: plant })).data!.mobileClusters;
    expect(clusters).toEqual([{ place: '新疆克拉玛依', registrations: [{ memberName: '马军' }, { memberName: '朱明' }, { memberName: '胡涛' }] }]);
    expect((await powerAdmin(`query($o: ID!) { mobileClusters(organizationId: $o) { place } }`, { o: plant })).data!.mobileClusters).toEqual([]);
    const FORM = `mutation($i: MobileTemporaryBranchInput!) { mobileTemporaryBranch(input: $i) { branch { id name level temporary } userErrors { code rule } } }`;
    expect((await plantAdmin(FORM, { i: { registrationIds: away.slice(0, 2) } })).data!.mobileTemporaryBranch.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'mobility.temporaryBranchThree' });
    expect(outcome(await plantReviewer(FORM, { i: { registrationIds: away } }), 'mobileTemporaryBranch')).toBe('FORBIDDEN');
    const formed = (await expectOk(plantAdmin, FORM, { i: { registrationIds: away } })).mobileTemporaryBranch.branch;
    expect(formed).toMatchObject({ name: '驻新疆克拉玛依临时党支部', level: 'BRANCH', temporary: true });
    expect((await plantAdmin(READ, { id: away[0] })).data!.node).toMatchObject({ status: 'AT_HOST', hostOrganization: { name: '驻新疆克拉玛依临时党支部' } });
    // Its 主题党日 invites the three as guests; it owes no compliance of its own.
    const planned = await expectOk(plantAdmin, `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { counts { invited guests expected } } userErrors { message } } }`, {
      i: { organizationId: formed.id, type: 'THEME_DAY', topic: '学习贯彻全会精神（线上）', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), onlineLink: 'https://meeting.example.com/j/123456' },
    });
    expect(planned.meetingPlan.meeting.counts).toEqual({ invited: 3, guests: 3, expected: 0 });
    const life = (await plantAdmin(`query($o: ID!) { organizationLife(organizationId: $o, period: "2026-11") { branches { name } } }`, { o: plant })).data!.organizationLife;
    expect(life.branches.map((b: { name: string }) => b.name)).not.toContain('驻新疆克拉玛依临时党支部');
  });
});
