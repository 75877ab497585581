/**
 * 三会一课 through the real endpoint: a 支部党员大会 planned with its roll derived from the branch;
 * sign-in by the member, by the meeting's QR code, by e-card scan and by ticks; leave; the quorum
 * and majority rule at its edges; minutes returned, approved, locked and corrected; who reads what;
 * compliance against §6.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as, api, tokens } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor'] });
const { groupAdmin, plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, anonymous } = as;

const MEETING = `query($id: ID!) { node(id: $id) { ... on Meeting { topic status signInCode signInOpen canRun
  counts { invited expected present attended onLeave absent excused guests rate }
  attendees { memberId name voting excused attendance signInMethod leaveReason leaveNote absenceReason }
  motions { title expected present yes writtenYes passed } minutes reviewNote corrections { body signedName } } } }`;
const MOTION = `mutation($id: ID!, $i: MeetingMotionInput!) { meetingMotionAdd(id: $id, input: $i) { meeting { motions { passed } } userErrors { code field message rule source } } }`;
const MARK = `mutation($id: ID!, $m: ID!, $a: Attendance!, $r: String) { meetingMarkAttendance(id: $id, memberId: $m, attendance: $a, reason: $r) { userErrors { code message rule } } }`;
const minutesFrom = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
/** The first instant of the current month in China time. */
const chinaMonthStart = () => {
  const china = new Date(Date.now() + 8 * 3_600_000);
  return Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), 1) - 8 * 3_600_000;
};
/** A start `min` minutes ago, but never before this China month began: the compliance test reads this month, whenever the suite runs. */
const heldAgo = (min: number) => new Date(Math.max(Date.now() - min * 60_000, chinaMonthStart() + 5_000)).toISOString();

describe('支部党员大会', () => {
  let roll: { name: string; id: string }[];
  let branch: string;
  let assembly: string;

  beforeAll(async () => {
    branch = gid('Organization', await orgId(db, '采油一队党支部'));
    // 22 full members (张伟 and 陈静 with accounts), one probationary; the 21st full member is
    // excused by the committee, the 22nd is under 留党察看 (no vote).
    roll = await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 22, probationary: 1, logins: ['13800000001', 'editor@cy1.huayou.example'] });
    await expectOk(plantAdmin, `mutation($i: MemberAwardInput!) { memberAwardAdd(input: $i) { userErrors { message } } }`, {
      i: { memberId: roll[21]!.id, kind: 'DISCIPLINE', discipline: 'PROBATION', title: '留党察看一年', decidedOn: '2026-03-01', decidedBy: '中共第一采油厂委员会', until: '2027-03-01' },
    });
    const EXEMPT = `mutation($i: LifeExemptionInput!) { lifeExemptionGrant(input: $i) { ok userErrors { code rule } } }`;
    const input = { memberId: roll[20]!.id, reason: 'AGE', note: '年老体弱，经党委同意不参加组织生活', startsOn: '2026-01-01' };
    expect(outcome(await member(EXEMPT, { i: input }), 'lifeExemptionGrant')).toBe('NOT_FOUND');
    await expectOk(plantAdmin, EXEMPT, { i: input });
  }, 60_000);

  it('is planned by the admins with the roll derived: full members vote, the probationary member and the one under 留党察看 do not, the excused one is flagged', async () => {
    const PLAN = `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id status counts { invited expected excused } } userErrors { code field message } } }`;
    const input = {
      organizationId: branch,
      type: 'BRANCH_ASSEMBLY',
      alsoCountsAs: ['THEME_DAY'],
      topic: '学习贯彻党的二十届四中全会精神暨接收预备党员',
      agenda: '一、传达学习全会精神\n二、讨论支部年度工作\n三、表决事项',
      startsAt: heldAgo(5),
      endsAt: minutesFrom(120),
      place: '采油一队会议室',
      hostMemberId: roll[0]!.id,
      recorderMemberId: roll[0]!.id,
    };
    expect(outcome(await member(PLAN, { i: input }), 'meetingPlan')).toBe('FORBIDDEN');
    expect((await plantAdmin(PLAN, { i: { ...input, type: 'CENTRAL_GROUP' } })).data!.meetingPlan.userErrors[0]).toMatchObject({ field: ['input', 'type'] });
    expect((await plantAdmin(PLAN, { i: { ...input, place: null } })).data!.meetingPlan.userErrors[0]).toMatchObject({ field: ['input', 'place'] });
    const planned = await expectOk(plantAdmin, PLAN, { i: input });
    assembly = planned.meetingPlan.meeting.id;
    expect(planned.meetingPlan.meeting).toMatchObject({ status: 'IN_PROGRESS', counts: { invited: 23, expected: 20, excused: 1 } });
    const rows = (await plantAdmin(MEETING, { id: assembly })).data!.node.attendees;
    expect(rows.filter((a: { voting: boolean }) => !a.voting).map((a: { name: string }) => a.name)).toEqual([roll[21]!.name, roll[22]!.name]);
    // The recorder (张伟) runs it and sees the QR code; another member (陈静) does not.
    expect((await member(MEETING, { id: assembly })).data!.node).toMatchObject({ canRun: true, signInCode: expect.stringMatching(/^[\w-]{22}$/) });
    expect((await branchEditor(MEETING, { id: assembly })).data!.node).toMatchObject({ canRun: false, signInCode: null });
    expect((await branchEditor(MEETING, { id: assembly })).data!.node.attendees).toHaveLength(1);
  });

  it('signs in by the member, by the meeting’s QR code and by e-card scan, and takes leave to the host', async () => {
    const code = (await member(MEETING, { id: assembly })).data!.node.signInCode;
    const SIGN = `mutation($id: ID!, $c: String) { meetingSignIn(id: $id, code: $c) { meeting { myAttendance { attendance signInMethod } } userErrors { code field message } } }`;
    // 陈静 asks for leave; the host (张伟) refuses it with a reason; then she comes and scans the code.
    await expectOk(branchEditor, `mutation($id: ID!) { meetingLeaveRequest(id: $id, reason: "在井场值班") { userErrors { code } } }`, { id: assembly });
    const DECIDE = `mutation($id: ID!, $m: ID!, $ok: Boolean!, $n: String) { meetingLeaveDecide(id: $id, memberId: $m, approve: $ok, note: $n) { userErrors { code field } } }`;
    expect((await member(DECIDE, { id: assembly, m: roll[1]!.id, ok: false })).data!.meetingLeaveDecide.userErrors[0]).toMatchObject({ field: ['input', 'note'] });
    await expectOk(member, DECIDE, { id: assembly, m: roll[1]!.id, ok: false, n: '本次大会有表决事项，请安排好值班后参会' });
    expect((await branchEditor(SIGN, { id: assembly, c: 'not-the-code' })).data!.meetingSignIn.userErrors[0]).toMatchObject({ field: ['input', 'code'] });
    expect((await branchEditor(SIGN, { id: assembly, c: code })).data!.meetingSignIn.meeting.myAttendance).toEqual({ attendance: 'PRESENT', signInMethod: 'QR' });
    expect((await member(SIGN, { id: assembly })).data!.meetingSignIn.meeting.myAttendance).toEqual({ attendance: 'PRESENT', signInMethod: 'SELF' });
    expect(outcome(await plantReviewer(SIGN, { id: assembly }), 'meetingSignIn')).toBe('FORBIDDEN');

    // The recorder scans three e-cards (the verification link, as the camera reads it).
    const CARD = `query($id: ID!) { node(id: $id) { ... on Member { card { token } } } }`;
    const SCAN = `mutation($id: ID!, $card: String!) { meetingSignInByCard(id: $id, card: $card) { signedIn userErrors { code field message } } }`;
    for (const who of roll.slice(2, 5)) {
      const token = (await plantAdmin(CARD, { id: who.id })).data!.node.card.token;
      expect((await member(SCAN, { id: assembly, card: `https://dj.example/verify/${token}` })).data!.meetingSignInByCard.signedIn).toBe(who.name);
    }
    expect((await member(SCAN, { id: assembly, card: 'forged.token' })).data!.meetingSignInByCard.userErrors[0]).toMatchObject({ field: ['input', 'card'] });
    expect(outcome(await branchEditor(SCAN, { id: assembly, card: 'x' }), 'meetingSignInByCard')).toBe('FORBIDDEN');
    // Five more ticked: 10 of 20 present.
    for (const who of roll.slice(5, 10)) await expectOk(member, MARK, { id: assembly, m: who.id, a: 'PRESENT' });
    expect((await member(MARK, { id: assembly, m: roll[19]!.id, a: 'ABSENT' })).data!.meetingMarkAttendance.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    await expectOk(member, MARK, { id: assembly, m: roll[19]!.id, a: 'ABSENT', r: '出差在外' });
    const seen = (await plantAdmin(MEETING, { id: assembly })).data!.node;
    expect(seen.counts).toMatchObject({ invited: 23, expected: 20, present: 10, absent: 1 });
    expect(seen.attendees.filter((a: { signInMethod: string }) => a.signInMethod === 'CARD')).toHaveLength(3);
    expect(seen.attendees.find((a: { name: string }) => a.name === '陈静')).toMatchObject({ leaveReason: '在井场值班', leaveNote: expect.stringContaining('表决事项') });
  });

  it('cannot vote with exactly half present; with 12 of 20 a motion passes on 11 yes and fails on 10; written opinions count', async () => {
    const general = (title: string, yes: number, no: number, extra: object = {}) => ({ id: assembly, i: { kind: 'GENERAL', title, yes, no, abstain: 0, ...extra } });
    const half = (await member(MOTION, general('关于支部年度工作计划的表决', 10, 0))).data!.meetingMotionAdd.userErrors[0];
    expect(half).toMatchObject({ code: 'CONFLICT', rule: 'meetings.quorum', message: expect.stringContaining('应到20人，实到10人') });
    expect(half.source).toContain('第十一条');
    for (const who of roll.slice(10, 12)) await expectOk(member, MARK, { id: assembly, m: who.id, a: 'PRESENT' });
    expect((await member(MOTION, general('超过实到人数', 12, 1))).data!.meetingMotionAdd.userErrors[0]).toMatchObject({ field: ['input', 'vote.yes'] });
    await expectOk(member, MOTION, general('关于支部年度工作计划的表决', 11, 1));
    await expectOk(member, MOTION, general('关于调整党小组设置的表决', 10, 2));
    // 9 present yes and 2 written yes of members not present: 11 > 20 / 2.
    await expectOk(member, MOTION, general('关于评选优秀党员的表决', 9, 3, { writtenYes: 2, opinions: '王某、李某因出差书面表示同意' }));
    expect((await member(MOTION, general('书面意见过多', 9, 3, { writtenYes: 9 }))).data!.meetingMotionAdd.userErrors[0]).toMatchObject({ field: ['input', 'vote.writtenYes'] });
    const motions = (await plantAdmin(MEETING, { id: assembly })).data!.node.motions;
    expect(motions.map((m: { expected: number; present: number; passed: boolean }) => [m.expected, m.present, m.passed])).toEqual([
      [20, 12, true],
      [20, 12, false],
      [20, 12, true],
    ]);
    // The excused member who comes counts: 应到 21, 实到 13 — and 11 yes is still more than half.
    await expectOk(member, MARK, { id: assembly, m: roll[20]!.id, a: 'PRESENT' });
    await expectOk(member, MOTION, general('关于开展结对帮扶的表决', 11, 2));
    expect((await plantAdmin(MEETING, { id: assembly })).data!.node.motions[3]).toMatchObject({ expected: 21, present: 13, passed: true });
  });

  it('keeps the minutes: sanitised, submitted to the committee above, returned with a reason, approved and then locked; corrections appended and signed', async () => {
    const RECORD = `mutation($id: ID!, $i: MeetingRecordInput!) { meetingRecord(id: $id, input: $i) { meeting { status minutes } userErrors { code message rule } } }`;
    // A photo of the meeting, uploaded to the branch by its admin.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const uploaded = await fetch(`${api.baseUrl}/media?organizationId=${branch}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('大会现场.png'), authorization: `Bearer ${tokens.plantAdmin}` },
      body: new Uint8Array(png),
    });
    const photo = (await uploaded.json()) as { id: string; url: string };
    // The admin attaches it (files are the branch's: those who use them attach them); the recorder writes on.
    const saved = await expectOk(plantAdmin, RECORD, { id: assembly, i: { minutes: '<p>书记传达全会精神。</p><script>alert(1)</script><img src=x onerror=alert(1)>', resolutions: '<p>通过支部年度工作计划。</p>', attachmentIds: [photo.id] } });
    // Whoever reads the record fetches its photo (张伟 holds no role that uses the branch's files); others do not.
    const fetchAs = (token?: string) => fetch(`${api.baseUrl}${photo.url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await fetchAs(tokens.member)).status).toBe(200);
    for (const token of [tokens.refineryAdmin, tokens.powerAdmin, undefined]) expect((await fetchAs(token)).status).not.toBe(200);
    expect(saved.meetingRecord.meeting.status).toBe('RECORDED');
    expect(saved.meetingRecord.meeting.minutes).not.toMatch(/script|onerror/);
    const SUBMIT = `mutation($id: ID!) { meetingSubmit(id: $id) { meeting { status reviewer { name } } userErrors { code } } }`;
    expect((await expectOk(member, SUBMIT, { id: assembly })).meetingSubmit.meeting).toEqual({ status: 'UNDER_REVIEW', reviewer: { name: '第一采油厂党委' } });
    const REVIEW = `mutation($id: ID!, $ok: Boolean!, $n: String) { meetingReview(id: $id, approve: $ok, note: $n) { meeting { status reviewNote } userErrors { code field rule } } }`;
    expect((await member(REVIEW, { id: assembly, ok: true })).data!.meetingReview.userErrors[0]).toMatchObject({ rule: 'meetings.reviewedAbove' });
    expect((await member(RECORD, { id: assembly, i: { minutes: '<p>改</p>' } })).data!.meetingRecord.userErrors[0]).toMatchObject({ rule: 'meetings.recordLocked' });
    expect((await plantAdmin(REVIEW, { id: assembly, ok: false })).data!.meetingReview.userErrors[0]).toMatchObject({ field: ['input', 'note'] });
    await expectOk(plantAdmin, REVIEW, { id: assembly, ok: false, n: '请补充缺席人员及原因' });
    await expectOk(member, RECORD, { id: assembly, i: { minutes: '<p>书记传达全会精神。缺席：罗斌（出差在外）。</p>', resolutions: '<p>通过支部年度工作计划。</p>', attachmentIds: [photo.id] } });
    await expectOk(member, SUBMIT, { id: assembly });
    expect((await expectOk(plantAdmin, REVIEW, { id: assembly, ok: true })).meetingReview.meeting.status).toBe('APPROVED');
    const locked = (await member(RECORD, { id: assembly, i: { minutes: '<p>改写</p>' } })).data!.meetingRecord.userErrors[0];
    expect(locked).toMatchObject({ code: 'CONFLICT', rule: 'meetings.recordLocked' });
    expect((await member(MARK, { id: assembly, m: roll[15]!.id, a: 'PRESENT' })).data!.meetingMarkAttendance.userErrors[0]).toMatchObject({ rule: 'meetings.recordLocked' });
    await expectOk(member, `mutation($id: ID!) { meetingCorrect(id: $id, body: "更正：缺席人员罗斌系因公出差。") { userErrors { code } } }`, { id: assembly });
    const after = (await plantAdmin(MEETING, { id: assembly })).data!.node;
    expect(after.minutes).toContain('缺席：罗斌');
    expect(after.corrections).toEqual([{ body: '更正：缺席人员罗斌系因公出差。', signedName: '张伟' }]);
  });

  it('shows a 支委会 to the committee’s post holders and the admins above only; nothing to other organisations or the public', async () => {
    const ids = [roll[0]!, roll[2]!, roll[3]!].map((r) => Number(Buffer.from(r.id, 'base64url').toString().split(':')[1]));
    const org = await orgId(db, '采油一队党支部');
    for (const [i, post] of ['SECRETARY', 'ORGANIZATION', 'PROPAGANDA'].entries()) {
      await db.query(`insert into member_post (enterprise_id, member_id, organization_id, post, started_on) select enterprise_id, $1, $2, $3, '2024-01-01' from member where id = $1`, [ids[i], org, post]);
    }
    const planned = await expectOk(plantAdmin, `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id counts { invited } } userErrors { message } } }`, {
      i: { organizationId: branch, type: 'COMMITTEE', topic: '研究发展党员和年度评议工作', startsAt: heldAgo(2), endsAt: minutesFrom(60), place: '队部办公室' },
    });
    const committee = planned.meetingPlan.meeting.id;
    expect(planned.meetingPlan.meeting.counts.invited).toBe(3); // 张伟, 王磊 and 李娜 hold posts; 陈静 does not
    const READ = `query($id: ID!) { node(id: $id) { ... on Meeting { topic } } }`;
    expect((await member(READ, { id: committee })).data!.node).toEqual({ topic: '研究发展党员和年度评议工作' });
    expect((await plantReviewer(READ, { id: committee })).data!.node).toEqual({ topic: '研究发展党员和年度评议工作' });
    for (const who of [branchEditor, refineryAdmin, powerAdmin, anonymous]) expect((await who(READ, { id: committee })).data?.node ?? null).toBeNull();
    // The branch's 大会 is read by its members, not by other organisations.
    expect((await branchEditor(READ, { id: assembly })).data!.node).not.toBeNull();
    for (const who of [refineryAdmin, powerAdmin, anonymous]) expect((await who(READ, { id: assembly })).data?.node ?? null).toBeNull();
    const LIST = `query($o: ID) { meetings(first: 20, filter: { organizationId: $o }) { totalCount } }`;
    expect((await powerAdmin(LIST, { o: branch })).data!.meetings.totalCount).toBe(0);
    // 江川's admin lists 江川's meetings (its demo year), and nothing of 华油.
    const [own] = await db.query<{ n: number }>(`select count(*)::int as n from meeting m join enterprise e on e.id = m.enterprise_id where e.slug = 'jiangchuan-power'`);
    expect(own!.n).toBeGreaterThan(0);
    expect((await powerAdmin(LIST)).data!.meetings.totalCount).toBe(own!.n);
    expect((await branchEditor(LIST)).data!.meetings.totalCount).toBe(1);
    expect((await member(`{ meetings(first: 20, filter: { mine: true }) { totalCount } }`)).data!.meetings.totalCount).toBe(2);
  });

  it('reads compliance: the month’s 主题党日 met by the approved 大会, the 支委会 held but not approved, the 小组会 open; last month missing', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const LIFE = `query($o: ID!, $p: String!) { organizationLife(organizationId: $o, period: $p) { complete branches { name complete missing rows { item cycle required held approved status } } } }`;
    const life = (await plantAdmin(LIFE, { o: branch, p: month })).data!.organizationLife;
    const rows = life.branches[0].rows;
    const row = (item: string) => rows.find((r: { item: string; cycle: string }) => r.item === item && r.cycle === month);
    expect(row('THEME_DAY')).toMatchObject({ required: 1, held: 1, approved: 1, status: 'MET' });
    expect(row('COMMITTEE')).toMatchObject({ held: 1, approved: 0, status: 'PENDING' });
    expect(row('GROUP')).toMatchObject({ required: 2, held: 0, status: 'OPEN' });
    expect(rows.find((r: { item: string }) => r.item === 'BRANCH_ASSEMBLY')).toMatchObject({ status: 'MET' });
    // 学时 come from the learning module: nobody in the branch has 32 yet.
    expect(rows.find((r: { item: string }) => r.item === 'CLASS_HOURS')).toMatchObject({ held: 0, status: 'OPEN' });
    expect(life.branches[0].complete).toBe(false);
    // The committee sees its subtree, the branches not complete first; October closed with nothing held.
    const plant = (await plantAdmin(LIFE, { o: gid('Organization', await orgId(db, '第一采油厂党委')), p: '2026-10' })).data!.organizationLife;
    expect(plant.branches.length).toBeGreaterThan(5);
    expect(plant.branches.find((b: { name: string }) => b.name === '采油一队党支部').missing).toContain('主题党日 2026-10');
    expect((await refineryAdmin(LIFE, { o: branch, p: month })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await plantAdmin(LIFE, { o: branch, p: '2026-13' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The enterprise switches 小组会 off: the row goes.
    const SET = `mutation($o: ID!) { lifeRequirementSet(organizationId: $o, item: GROUP, cycle: MONTH, target: 0) { ok userErrors { code } } }`;
    expect(outcome(await plantAdmin(SET, { o: gid('Organization', await orgId(db, '第一采油厂党委')) }), 'lifeRequirementSet')).toBe('FORBIDDEN');
    await expectOk(groupAdmin, SET, { o: gid('Organization', await orgId(db, '华油能源集团有限公司党委')) });
    const again = (await plantAdmin(LIFE, { o: branch, p: month })).data!.organizationLife.branches[0].rows;
    expect(again.find((r: { item: string }) => r.item === 'GROUP')).toBeUndefined();
  });
});

describe('a vote on a person', () => {
  it('records the 大会’s vote on admitting an applicant as that step of their development, once per meeting', async () => {
    const [applicant] = await db.query<{ id: number; organization_id: number; name: string }>(
      `select a.id, a.organization_id, a.name from applicant a join enterprise e on e.id = a.enterprise_id where a.stage = 'FORM_ISSUED' and e.slug = 'huayou' order by a.id limit 1`,
    );
    const planned = await expectOk(groupAdmin, `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id attendees { memberId voting } } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', applicant!.organization_id), type: 'BRANCH_ASSEMBLY', topic: '讨论接收预备党员', startsAt: heldAgo(30), endsAt: minutesFrom(60), place: '支部活动室' },
    });
    const meeting = planned.meetingPlan.meeting.id;
    const voters = planned.meetingPlan.meeting.attendees.filter((a: { voting: boolean }) => a.voting);
    for (const a of planned.meetingPlan.meeting.attendees) await expectOk(groupAdmin, MARK, { id: meeting, m: a.memberId, a: 'PRESENT' });
    const PERSON = { kind: 'ADMISSION', applicantId: gid('Applicant', applicant!.id), yes: voters.length - 1, no: 1, abstain: 0 };
    await expectOk(groupAdmin, MOTION, { id: meeting, i: PERSON });
    const motion = (await groupAdmin(MEETING, { id: meeting })).data!.node.motions[0];
    expect(motion).toMatchObject({ title: `关于接收${applicant!.name}同志为中共预备党员的表决`, expected: voters.length, present: voters.length, passed: true });
    const record = (await groupAdmin(`query($id: ID!) { node(id: $id) { ... on Applicant { stage records { step note vote { expected present yes no } } } } }`, { id: gid('Applicant', applicant!.id) })).data!.node;
    expect(record.stage).toBe('PENDING_APPROVAL');
    expect(record.records.at(-1)).toMatchObject({ step: 'ADMISSION_VOTE', note: expect.stringContaining('讨论接收预备党员'), vote: { expected: voters.length, present: voters.length, yes: voters.length - 1, no: 1 } });
    expect((await groupAdmin(MOTION, { id: meeting, i: PERSON })).data!.meetingMotionAdd.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('a 党小组会', () => {
  it('is planned and run by the group’s 组长, who plans nothing else', async () => {
    const [group] = await db.query<{ id: number }>(`select g.id from organization g join organization b on b.id = g.parent_id where b.name = '采油一队党支部' and g.name = '第一党小组'`);
    const members = await createRoll(plantAdmin, db, { branch: '第一党小组', organizationId: group!.id, full: 3, logins: ['reviewer@cy1.huayou.example'], names: ['赵志刚'], seed: 6 });
    const PLAN = `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id counts { invited } } userErrors { code } } }`;
    const input = (type: string) => ({ i: { organizationId: gid('Organization', group!.id), type, topic: '学习党章，交流思想', startsAt: heldAgo(10), endsAt: minutesFrom(50), place: '井场值班室' } });
    expect(outcome(await plantReviewer(PLAN, input('GROUP')), 'meetingPlan')).toBe('FORBIDDEN');
    const ASSIGN = `mutation($i: MemberPostInput!) { memberPostAssign(input: $i) { userErrors { code field } } }`;
    expect((await plantAdmin(ASSIGN, { i: { memberId: members[0]!.id, organizationId: gid('Organization', await orgId(db, '采油一队党支部')), post: 'GROUP_LEADER', startedOn: '2026-01-05' } })).data!.memberPostAssign.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    await expectOk(plantAdmin, ASSIGN, { i: { memberId: members[0]!.id, organizationId: gid('Organization', group!.id), post: 'GROUP_LEADER', startedOn: '2026-01-05' } });
    const planned = await expectOk(plantReviewer, PLAN, input('GROUP'));
    expect(planned.meetingPlan.meeting.counts.invited).toBe(3);
    await expectOk(plantReviewer, MARK, { id: planned.meetingPlan.meeting.id, m: members[1]!.id, a: 'PRESENT' });
    expect(outcome(await plantReviewer(PLAN, input('LIFE_MEETING')), 'meetingPlan')).toBe('FORBIDDEN');
  });
});
