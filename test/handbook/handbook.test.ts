/**
 * 党员电子手册 and 意见建议 through the real endpoint: a member's year — meetings attended and
 * missed, 党课 hours, 谈心谈话, honours, care received and help given, suggestions answered by the
 * branch's secretary — for the member and the admins who read the record, nobody else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor'] });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, anonymous } = as;
const HANDBOOK = `query($y: Int!, $m: ID) { memberHandbook(year: $y, memberId: $m) { name organizationName year attended missed onLeave offlineStudyHours onlineStudyHours studyTarget
  meetings { type topic hours attendance absenceReason } talks { withName topic } honours { title } careReceived { kind by } helpGiven { kind helped }
  suggestions { body answer answeredByName } appraisalGrade } }`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
/** This year in China (the handbook's year; the dated entries fall on its first day). */
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

describe('党员电子手册', () => {
  let roll: { name: string; id: string }[];
  let branch: string;

  beforeAll(async () => {
    roll = await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 7, logins: ['13800000001', 'editor@cy1.huayou.example'], seed: 9 });
    branch = gid('Organization', await orgId(db, '采油一队党支部'));
    // 陈静 is the branch's secretary (she holds no admin role).
    await db.query(`insert into member_post (enterprise_id, member_id, organization_id, post, started_on) select enterprise_id, id, organization_id, 'SECRETARY', '2024-01-01' from member where id = $1`, [Number(Buffer.from(roll[1]!.id, 'base64url').toString().split(':')[1])]);
    const PLAN = `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id } userErrors { message } } }`;
    const MARK = `mutation($id: ID!, $m: ID!, $a: Attendance!, $r: String) { meetingMarkAttendance(id: $id, memberId: $m, attendance: $a, reason: $r) { userErrors { message } } }`;
    const lecture = (await expectOk(plantAdmin, PLAN, { i: { organizationId: branch, type: 'PARTY_LECTURE', topic: '学习党章，做合格党员', lecturer: '厂党委书记 王建国', startsAt: hoursAgo(3), endsAt: hoursAgo(1.5), place: '采油一队会议室' } })).meetingPlan.meeting.id;
    await expectOk(plantAdmin, MARK, { id: lecture, m: roll[0]!.id, a: 'PRESENT' });
    const assembly = (await expectOk(plantAdmin, PLAN, { i: { organizationId: branch, type: 'BRANCH_ASSEMBLY', topic: '讨论支部年度工作', startsAt: hoursAgo(1), endsAt: hoursAgo(0.5), place: '采油一队会议室' } })).meetingPlan.meeting.id;
    await expectOk(plantAdmin, MARK, { id: assembly, m: roll[0]!.id, a: 'ABSENT', r: '井场抢修' });
    await expectOk(plantAdmin, `mutation($i: HeartTalkInput!) { heartTalkRecord(input: $i) { ok userErrors { message } } }`, { i: { organizationId: branch, byMemberId: roll[1]!.id, withMemberId: roll[0]!.id, talkedOn: `${YEAR}-01-01`, topic: '谈思想、谈工作，听取对支部工作的意见' } });
    await expectOk(plantAdmin, `mutation($i: MemberAwardInput!) { memberAwardAdd(input: $i) { userErrors { message } } }`, { i: { memberId: roll[0]!.id, kind: 'AWARD', title: '优秀共产党员', decidedOn: `${YEAR}-01-01`, decidedBy: '第一采油厂党委' } });
    await expectOk(plantAdmin, `mutation($i: MemberCareInput!) { memberCareAdd(input: $i) { userErrors { message } } }`, { i: { memberId: roll[0]!.id, kind: 'ILLNESS', happenedOn: `${YEAR}-01-01`, by: '支部书记 陈静' } });
  }, 60_000);

  it('takes a suggestion to the branch; its secretary answers; others read none of it', async () => {
    const made = await expectOk(member, `mutation { suggestionMake(body: "建议在井场设立党员学习角，方便倒班党员学习。") { suggestion { id } userErrors { code } } }`);
    const id = made.suggestionMake.suggestion.id;
    const LIST = `{ suggestions(first: 10, unanswered: true) { totalCount nodes { id memberName canAnswer } } }`;
    expect((await branchEditor(LIST)).data!.suggestions.nodes).toEqual([{ id, memberName: '张伟', canAnswer: true }]);
    expect((await plantReviewer(LIST)).data!.suggestions.nodes).toEqual([{ id, memberName: '张伟', canAnswer: false }]);
    for (const who of [refineryAdmin, powerAdmin]) expect((await who(LIST)).data!.suggestions.totalCount).toBe(0);
    expect((await anonymous(LIST)).data?.suggestions?.totalCount ?? 0).toBe(0);
    const ANSWER = `mutation($id: ID!) { suggestionAnswer(id: $id, answer: "已在队部设立学习角，配备学习资料。") { suggestion { answer answeredByName } userErrors { code } } }`;
    expect(outcome(await plantReviewer(ANSWER, { id }), 'suggestionAnswer')).toBe('FORBIDDEN');
    expect(outcome(await refineryAdmin(ANSWER, { id }), 'suggestionAnswer')).toBe('NOT_FOUND');
    expect((await expectOk(branchEditor, ANSWER, { id })).suggestionAnswer.suggestion).toEqual({ answer: '已在队部设立学习角，配备学习资料。', answeredByName: '陈静' });
    expect((await branchEditor(ANSWER, { id })).data!.suggestionAnswer.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const told = await db.query<{ n: number }>(`select count(*)::int as n from notification n join app_user u on u.id = n.recipient_id where n.kind = 'handbook.suggestion_answered' and u.phone = '13800000001'`);
    expect(told[0]!.n).toBe(1);
  });

  it('shows the member their year: meetings attended and missed, 党课 hours, talks, honours, care and help, suggestions', async () => {
    await expectOk(member, `mutation($i: HelpGivenInput!) { helpGivenRecord(input: $i) { ok userErrors { message } } }`, { i: { kind: 'PAIRING', helped: '困难职工 刘某家庭', happenedOn: `${YEAR}-01-01`, note: '送去米面油和慰问金' } });
    const book = (await member(HANDBOOK, { y: YEAR })).data!.memberHandbook;
    expect(book).toMatchObject({ name: '张伟', organizationName: '采油一队党支部', year: YEAR, attended: 1, missed: 1, onLeave: 0, offlineStudyHours: 1.5, onlineStudyHours: 0, studyTarget: 32, appraisalGrade: null });
    expect(book.meetings).toEqual([
      { type: 'PARTY_LECTURE', topic: '学习党章，做合格党员', hours: 1.5, attendance: 'PRESENT', absenceReason: null },
      { type: 'BRANCH_ASSEMBLY', topic: '讨论支部年度工作', hours: 0.5, attendance: 'ABSENT', absenceReason: '井场抢修' },
    ]);
    expect(book.talks).toEqual([{ withName: '陈静', topic: '谈思想、谈工作，听取对支部工作的意见' }]);
    expect(book.honours).toEqual([{ title: '优秀共产党员' }]);
    expect(book.careReceived).toEqual([{ kind: 'ILLNESS', by: '支部书记 陈静' }]);
    expect(book.helpGiven).toEqual([{ kind: 'PAIRING', helped: '困难职工 刘某家庭' }]);
    expect(book.suggestions).toEqual([{ body: '建议在井场设立党员学习角，方便倒班党员学习。', answer: '已在队部设立学习角，配备学习资料。', answeredByName: '陈静' }]);
  });

  it('is read by the admins and reviewers of the member’s record, nobody else', async () => {
    expect((await plantAdmin(HANDBOOK, { y: YEAR, m: roll[0]!.id })).data!.memberHandbook).toMatchObject({ name: '张伟', attended: 1 });
    expect((await plantReviewer(HANDBOOK, { y: YEAR, m: roll[0]!.id })).data!.memberHandbook).toMatchObject({ name: '张伟' });
    for (const who of [refineryAdmin, powerAdmin, branchEditor, anonymous]) expect((await who(HANDBOOK, { y: YEAR, m: roll[0]!.id })).data?.memberHandbook ?? null).toBeNull();
    expect((await member(HANDBOOK, { y: 2099 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts the talk in the branch’s yearly 谈心谈话 coverage', async () => {
    const life = (await plantAdmin(`query($o: ID!, $p: String!) { organizationLife(organizationId: $o, period: $p) { branches { rows { item held note } } } }`, { o: branch, p: String(YEAR) })).data!.organizationLife;
    expect(life.branches[0].rows.find((r: { item: string }) => r.item === 'TALKS')).toEqual({ item: 'TALKS', held: 28, note: '2/7人' });
  });
});
