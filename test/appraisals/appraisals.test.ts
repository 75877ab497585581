/**
 * 民主评议党员 through the real endpoint: a round opened by the branch's admins; self-assessment,
 * signed peer comments, one anonymous ballot per member (and the schema that keeps it anonymous:
 * no column, key or time that leads from a ballot to a person); the committee's proposal and the
 * assembly's decision within the one-third cap on 优秀; publication; who sees what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member', 'branchEditor'] });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, branchEditor, anonymous } = as;

const ROUND = `query($id: ID!) { node(id: $id) { ... on AppraisalRound { year stage excellentCap ballotsCast myBallotCast canManage
  subjects { memberId name selfAssessment comments { byName body } tally { excellent qualified basic unqualified } proposedGrade grade followUp } } } }`;
const STEP = (name: string, args: string, params: string) => `mutation(${params}) { ${name}(${args}) { round { stage } userErrors { code field message rule source } } }`;
const ADVANCE = STEP('appraisalAdvance', 'id: $id', '$id: ID!');
const BALLOT = STEP('appraisalBallotCast', 'id: $id, grades: $g', '$id: ID!, $g: [AppraisalGradeInput!]!');
const PROPOSE = STEP('appraisalPropose', 'id: $id, grades: $g', '$id: ID!, $g: [AppraisalGradeInput!]!');
const DECIDE = STEP('appraisalDecide', 'id: $id, grades: $g, meetingId: $m', '$id: ID!, $g: [AppraisalGradeInput!]!, $m: ID');

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

describe('民主评议党员', () => {
  let roll: { name: string; id: string }[];
  let round: string;
  const grades = (grade: (i: number) => string, except?: number, note?: (i: number) => string | undefined) =>
    roll.flatMap((r, i) => (i === except ? [] : [{ memberId: r.id, grade: grade(i), ...(note?.(i) ? { note: note(i) } : {}) }]));

  beforeAll(async () => {
    // Seven members; 张伟, 陈静 and 赵志刚 sign in.
    roll = await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 7, logins: ['13800000001', 'editor@cy1.huayou.example', 'reviewer@cy1.huayou.example'], seed: 3 });
  }, 60_000);

  it('is opened by the branch’s admins once a year, with every member in good standing', async () => {
    const OPEN = `mutation($o: ID!, $y: Int!) { appraisalOpen(organizationId: $o, year: $y) { round { id stage } userErrors { code field } } }`;
    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    expect(outcome(await member(OPEN, { o: branch, y: YEAR }), 'appraisalOpen')).toBe('FORBIDDEN');
    expect((await plantAdmin(OPEN, { o: branch, y: YEAR - 5 })).data!.appraisalOpen.userErrors[0]).toMatchObject({ field: ['input', 'year'] });
    round = (await expectOk(plantAdmin, OPEN, { o: branch, y: YEAR })).appraisalOpen.round.id;
    expect((await plantAdmin(OPEN, { o: branch, y: YEAR })).data!.appraisalOpen.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const seen = (await member(ROUND, { id: round })).data!.node;
    expect(seen).toMatchObject({ year: YEAR, stage: 'SELF', excellentCap: 2, canManage: false });
    expect(seen.subjects).toHaveLength(7);
    for (const who of [refineryAdmin, powerAdmin, anonymous]) expect((await who(ROUND, { id: round })).data?.node ?? null).toBeNull();
  });

  it('takes self-assessments, then signed comments of peers', async () => {
    const SELF = STEP('appraisalSelfAssess', 'id: $id, text: $t', '$id: ID!, $t: String!');
    const COMMENT = STEP('appraisalComment', 'id: $id, memberId: $m, text: $t', '$id: ID!, $m: ID!, $t: String!');
    await expectOk(member, SELF, { id: round, t: '一年来认真学习党的创新理论，带头完成采油任务，不足是理论联系实际不够。' });
    await expectOk(branchEditor, SELF, { id: round, t: '做好支部宣传工作，按时参加组织生活。' });
    expect((await member(COMMENT, { id: round, m: roll[1]!.id, t: '宣传工作有起色' })).data!.appraisalComment.userErrors[0]).toMatchObject({ rule: 'appraisals.stage' });
    expect(outcome(await plantReviewer(ADVANCE, { id: round }), 'appraisalAdvance')).toBe('FORBIDDEN');
    await expectOk(plantAdmin, ADVANCE, { id: round });
    await expectOk(member, COMMENT, { id: round, m: roll[1]!.id, t: '宣传工作有起色，希望多深入井站。' });
    expect((await member(COMMENT, { id: round, m: roll[0]!.id, t: '自己' })).data!.appraisalComment.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    const subjects = (await branchEditor(ROUND, { id: round })).data!.node.subjects;
    expect(subjects[1]).toMatchObject({ name: '陈静', comments: [{ byName: '张伟', body: '宣传工作有起色，希望多深入井站。' }] });
    expect(subjects[0].selfAssessment).toContain('带头完成采油任务');
  });

  it('casts one anonymous ballot per member, grading every other member', async () => {
    await expectOk(plantAdmin, ADVANCE, { id: round });
    await expectOk(member, BALLOT, { id: round, g: grades((i) => (i === 1 ? 'EXCELLENT' : 'QUALIFIED'), 0) });
    expect((await member(BALLOT, { id: round, g: grades(() => 'QUALIFIED', 0) })).data!.appraisalBallotCast.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'appraisals.voteOnce' });
    expect((await branchEditor(BALLOT, { id: round, g: grades(() => 'QUALIFIED', 1).slice(1) })).data!.appraisalBallotCast.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await branchEditor(BALLOT, { id: round, g: grades(() => 'QUALIFIED') })).data!.appraisalBallotCast.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    await expectOk(branchEditor, BALLOT, { id: round, g: grades((i) => (i === 0 ? 'EXCELLENT' : i === 6 ? 'BASIC' : 'QUALIFIED'), 1) });
    await expectOk(plantReviewer, BALLOT, { id: round, g: grades((i) => (i < 2 ? 'EXCELLENT' : 'QUALIFIED'), 2) });
    expect(outcome(await plantAdmin(BALLOT, { id: round, g: [] }), 'appraisalBallotCast')).toBe('FORBIDDEN');
    const seen = (await member(ROUND, { id: round })).data!.node;
    expect(seen).toMatchObject({ ballotsCast: 3, myBallotCast: true });
    // Nobody sees a count while the ballot runs.
    expect((await plantAdmin(ROUND, { id: round })).data!.node.subjects.every((s: { tally: unknown }) => s.tally === null)).toBe(true);
  });

  it('keeps no link from a ballot to a person: in the tables, their keys and the API', async () => {
    const columns = async (table: string) => (await db.query<{ column_name: string; data_type: string }>(`select column_name, data_type from information_schema.columns where table_name = $1 order by ordinal_position`, [table])).map((c) => `${c.column_name}:${c.data_type}`);
    expect(await columns('appraisal_ballot')).toEqual(['id:uuid', 'enterprise_id:integer', 'subject_id:integer', 'grade:text']);
    expect(await columns('appraisal_voted')).toEqual(['enterprise_id:integer', 'round_id:integer', 'member_id:integer']);
    const references = await db.query<{ table_name: string; foreign_table: string }>(
      `select tc.table_name, ccu.table_name as foreign_table from information_schema.table_constraints tc
         join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = 'appraisal_ballot' order by 2`,
    );
    expect(references.map((r) => r.foreign_table)).toEqual(['appraisal_subject', 'enterprise']);
    // No table but the ballots holds a grade of the ballot; none refers to a ballot.
    expect(await db.query(`select table_name from information_schema.constraint_column_usage where table_name = 'appraisal_ballot' and constraint_name not like 'appraisal_ballot_%'`)).toEqual([]);
    // Three ballots × six grades, in no order that follows the voters.
    expect((await db.query<{ n: number }>(`select count(*)::int as n from appraisal_ballot`))[0]!.n).toBe(18);
    const introspected = await plantAdmin(`{ __type(name: "AppraisalSubject") { fields { name } } t: __type(name: "AppraisalTally") { fields { name } } }`);
    expect(introspected.data!.__type.fields.map((f: { name: string }) => f.name)).not.toContain('ballots');
    expect(introspected.data!.t.fields.map((f: { name: string }) => f.name).sort()).toEqual(['basic', 'excellent', 'qualified', 'unqualified']);
  });

  it('lets the committee propose and the assembly decide within the one-third cap; 不合格 carries its follow-up', async () => {
    await expectOk(plantAdmin, ADVANCE, { id: round });
    const tallies = (await plantAdmin(ROUND, { id: round })).data!.node.subjects.map((s: { tally: Record<string, number> }) => s.tally);
    expect(tallies[0]).toEqual({ excellent: 2, qualified: 0, basic: 0, unqualified: 0 }); // 张伟: 陈静 and 赵志刚 voted 优秀
    expect(tallies[6]).toEqual({ excellent: 0, qualified: 2, basic: 1, unqualified: 0 });
    expect((await member(ROUND, { id: round })).data!.node.subjects[0].tally).toBeNull();
    const three = (await plantAdmin(PROPOSE, { id: round, g: grades((i) => (i < 3 ? 'EXCELLENT' : 'QUALIFIED')) })).data!.appraisalPropose.userErrors[0];
    expect(three).toMatchObject({ code: 'CONFLICT', rule: 'appraisals.excellentCap', message: expect.stringContaining('参评7人，至多2人，现为3人') });
    expect(three.source).toContain('三分之一');
    await expectOk(plantAdmin, PROPOSE, { id: round, g: grades((i) => (i < 2 ? 'EXCELLENT' : 'QUALIFIED')).slice(0, 4) });
    expect((await plantAdmin(ADVANCE, { id: round })).data!.appraisalAdvance.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    await expectOk(plantAdmin, PROPOSE, { id: round, g: grades((i) => (i < 2 ? 'EXCELLENT' : i === 6 ? 'UNQUALIFIED' : 'QUALIFIED')) });
    await expectOk(plantAdmin, ADVANCE, { id: round });
    // The 大会 that decides.
    const meeting = (await expectOk(plantAdmin, `mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), type: 'APPRAISAL', topic: '2026年度民主评议党员大会', startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() - 600_000).toISOString(), place: '采油一队会议室' },
    })).meetingPlan.meeting.id;
    expect((await plantAdmin(DECIDE, { id: round, g: grades((i) => (i < 2 ? 'EXCELLENT' : i === 6 ? 'UNQUALIFIED' : 'QUALIFIED')), m: meeting })).data!.appraisalDecide.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await plantAdmin(DECIDE, { id: round, g: grades(() => 'EXCELLENT'), m: meeting })).data!.appraisalDecide.userErrors[0]).toMatchObject({ rule: 'appraisals.excellentCap' });
    await expectOk(plantAdmin, DECIDE, { id: round, m: meeting, g: grades((i) => (i < 2 ? 'EXCELLENT' : i === 6 ? 'UNQUALIFIED' : 'QUALIFIED'), undefined, (i) => (i === 6 ? '支部书记谈话提醒，限期半年改正，帮扶人：张伟' : undefined)) });
    // Before publication the members see no grade.
    expect((await member(ROUND, { id: round })).data!.node.subjects.map((s: { grade: string | null }) => s.grade)).toEqual(Array(7).fill(null));
    await expectOk(plantAdmin, ADVANCE, { id: round });
    const published = (await member(ROUND, { id: round })).data!.node;
    expect(published.stage).toBe('PUBLISHED');
    expect(published.subjects.map((s: { grade: string }) => s.grade)).toEqual(['EXCELLENT', 'EXCELLENT', 'QUALIFIED', 'QUALIFIED', 'QUALIFIED', 'QUALIFIED', 'UNQUALIFIED']);
    // The follow-up is the admins' and the member's own, not the branch's.
    expect(published.subjects[6].followUp).toBeNull();
    expect((await plantAdmin(ROUND, { id: round })).data!.node.subjects[6].followUp).toContain('限期半年改正');
    expect((await plantAdmin(ADVANCE, { id: round })).data!.appraisalAdvance.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });
});
