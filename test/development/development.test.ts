/**
 * 发展党员 through the real endpoint: an applicant through the five stages, each hard rule refusing
 * with its rule and source, the soft rules warning, 公示 as a 党务公开 disclosure on working days,
 * the 支部大会 vote computed from its figures, the committee's decisions recorded above the branch,
 * the member record the approval creates — and who sees none of it.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, expectOk, gid, orgId, signIn, userId, withToken } from '../support/identity.js';

const { db, api, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member'] });
const { plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member, anonymous } = as;
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;

const CREATE_MEMBER = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`;
const APPLY = `mutation($i: ApplicantCreateInput!) { applicantCreate(input: $i) { applicant { id stage appliedOn idNumber } userErrors { code field message rule source } } }`;
const STEP = `mutation($i: DevelopmentStepInput!) { developmentRecord(input: $i) {
  applicant { id stage stageSince noticeId noticeEndsOn probationEndsOn confirmedOn due { what on overdue } member { id category joinedOn confirmedOn } }
  record { step label passed people vote { quorum majority } warnings }
  warnings { rule message source }
  userErrors { code field message rule source } } }`;

describe('发展党员', () => {
  const members: Record<string, string> = {};
  let branch: string;
  let applicant: string;

  const step = (who: typeof plantAdmin, i: Record<string, unknown>) => who(STEP, { i: { applicantId: applicant, ...i } });
  const ok = async (i: Record<string, unknown>) => (await expectOk(plantAdmin, STEP, { i: { applicantId: applicant, ...i } })).developmentRecord;
  const refused = async (i: Record<string, unknown>, who = plantAdmin) => {
    const res = await step(who, i);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const [error] = res.data!.developmentRecord.userErrors;
    expect(error, `${i.step} should be refused`).toBeDefined();
    return error as { code: string; field: string[] | null; message: string; rule: string | null; source: string | null };
  };

  it('keeps a branch’s roll to draw 联系人, 介绍人 and the vote from', async () => {
    branch = gid('Organization', await orgId(db, '采油二队党支部'));
    const people = [
      ['王建军', '37050219700101001', 'FULL'],
      ['刘红', '37050219750202002', 'FULL'],
      ['陈刚', '37050219800303003', 'FULL'],
      ['杨丽', '37050219820404004', 'FULL'],
      ['赵强', '37050219850505005', 'FULL'],
      ['孙敏', '37050219880606006', 'FULL'],
      ['周涛', '37050219900707007', 'FULL'],
      ['吴预备', '37050219950808008', 'PROBATIONARY'],
    ] as const;
    for (const [name, first17, category] of people) {
      const res = await expectOk(plantAdmin, CREATE_MEMBER, {
        i: { organizationId: branch, name, idNumber: id(first17), joinedOn: category === 'FULL' ? '2010-07-01' : '2026-06-01', confirmedOn: category === 'FULL' ? '2011-07-01' : null, category },
      });
      members[name] = res.memberCreate.member.id;
    }
    // 周涛 was under 留党察看 from March 2025 to March 2026.
    await expectOk(plantAdmin, `mutation($i: MemberAwardInput!) { memberAwardAdd(input: $i) { userErrors { message } } }`, {
      i: { memberId: members['周涛'], kind: 'DISCIPLINE', discipline: 'PROBATION', title: '留党察看一年', decidedOn: '2025-03-01', decidedBy: '中共第一采油厂纪律检查委员会', until: '2026-03-01' },
    });
  });

  it('opens a development with the written application; a wrong check digit or an applicant under 18 is refused', async () => {
    const wrong = (await plantAdmin(APPLY, { i: { organizationId: branch, name: '李明', idNumber: '370502199803150011', appliedOn: '2024-03-01' } })).data!.applicantCreate.userErrors[0];
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'idNumber'] });
    const young = (await plantAdmin(APPLY, { i: { organizationId: branch, name: '李小明', idNumber: id('37050220080315001'), appliedOn: '2024-03-01' } })).data!.applicantCreate.userErrors[0];
    expect(young).toMatchObject({ code: 'CONFLICT', rule: 'development.age18', source: '《中国共产党章程》第一条' });
    const group = (await plantAdmin(APPLY, { i: { organizationId: gid('Organization', await orgId(db, '第一采油厂党委')), name: '李明', idNumber: id('37050219980315001'), appliedOn: '2024-03-01' } })).data!.applicantCreate.userErrors[0];
    expect(group).toMatchObject({ field: ['input', 'organizationId'] });
    const created = await expectOk(plantAdmin, APPLY, { i: { organizationId: branch, name: '李明', idNumber: id('37050219980315001'), ethnicity: '汉族', education: '大学本科', employer: '第一采油厂采油二队', position: '采油工', phone: '13912345678', appliedOn: '2024-03-01' } });
    applicant = created.applicantCreate.applicant.id;
    expect(created.applicantCreate.applicant).toMatchObject({ stage: 'APPLICANT', appliedOn: '2024-03-01' });
    const again = (await plantAdmin(APPLY, { i: { organizationId: branch, name: '李明', idNumber: id('37050219980315001'), appliedOn: '2024-05-01' } })).data!.applicantCreate.userErrors[0];
    expect(again).toMatchObject({ code: 'CONFLICT', field: ['input', 'idNumber'] });
    const already = (await plantAdmin(APPLY, { i: { organizationId: branch, name: '王建军', idNumber: id('37050219700101001'), appliedOn: '2024-05-01' } })).data!.applicantCreate.userErrors[0];
    expect(already).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Party member') });
  });

  it('warns on a late talk, and names the activist only after the LOCAL gap, with full members as 联系人', async () => {
    const talk = await ok({ step: 'TALK', happenedOn: '2024-04-15', people: '王建军' });
    expect(talk.applicant.stage).toBe('TALKED');
    expect(talk.warnings).toEqual([expect.objectContaining({ rule: 'development.talkWithinMonth' })]);
    expect(talk.record.warnings).toEqual([expect.stringContaining('一个月')]);
    expect(await refused({ step: 'TALK', happenedOn: '2024-04-16', people: '王建军' })).toMatchObject({ code: 'CONFLICT', field: ['input', 'step'] });

    const early = await refused({ step: 'ACTIVIST', happenedOn: '2024-05-10', decidedBy: '支委会', contactIds: [members['王建军'], members['刘红']] });
    expect(early).toMatchObject({ code: 'CONFLICT', rule: 'development.monthsToActivist', message: expect.stringContaining('2024-06-01') });
    const probationer = await refused({ step: 'ACTIVIST', happenedOn: '2024-06-10', decidedBy: '支委会', contactIds: [members['吴预备']] });
    expect(probationer).toMatchObject({ rule: 'development.contactFullMember' });
    const named = await ok({ step: 'ACTIVIST', happenedOn: '2024-06-10', decidedBy: '支委会', contactIds: [members['王建军'], members['刘红']] });
    expect(named.applicant.stage).toBe('ACTIVIST');
    expect(named.record.people).toBe('王建军、刘红');
  });

  it('refuses 发展对象 before a full year as activist, naming the rule and its source; a 公示 entered from the records must have run its working days', async () => {
    const tooSoon = await refused({ step: 'CANDIDATE', happenedOn: '2025-06-01', decidedBy: '支委会' });
    expect(tooSoon).toMatchObject({ code: 'CONFLICT', rule: 'development.activistOneYear', source: '《中国共产党发展党员工作细则》第十三条', message: expect.stringContaining('2025-06-10') });
    // Monday 23 to Thursday 26 June 2025 is four working days, not five.
    const short = await refused({ step: 'CANDIDATE', happenedOn: '2025-06-20', decidedBy: '支委会', noticeHeld: { startsOn: '2025-06-23', endsOn: '2025-06-26' } });
    expect(short).toMatchObject({ rule: 'development.notice', message: expect.stringContaining('只有4个工作日') });
    expect(await refused({ step: 'CANDIDATE', happenedOn: '2025-06-20', noticeHeld: { startsOn: '2025-06-20', endsOn: '2025-06-27' } })).toMatchObject({ field: ['input', 'noticeHeld.startsOn'] });
    const named = await ok({ step: 'CANDIDATE', happenedOn: '2025-06-20', decidedBy: '支委会', noticeHeld: { startsOn: '2025-06-23', endsOn: '2025-06-27' } });
    expect(named.applicant).toMatchObject({ stage: 'CANDIDATE', noticeEndsOn: '2025-06-27' });
    const held = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Disclosure { title status publishedAt notice { open } } } }`, { id: named.applicant.noticeId })).data!.node;
    expect(held).toMatchObject({ title: '关于拟将李明同志确定为发展对象的公示', status: 'PUBLISHED', notice: { open: false } });
    expect(held.publishedAt.slice(0, 10)).toBe('2025-06-22'); // midnight of the 23rd in China
  });

  it('opens a 公示 now for a decision recorded today: five working days on the national calendar, objections in its feedback inbox', async () => {
    const created = await expectOk(plantAdmin, APPLY, { i: { organizationId: branch, name: '周晓', idNumber: id('37050219960505002'), appliedOn: '2024-01-10' } });
    const other = created.applicantCreate.applicant.id;
    const step = (i: Record<string, unknown>) => expectOk(plantAdmin, STEP, { i: { applicantId: other, ...i } });
    await step({ step: 'TALK', happenedOn: '2024-01-20', people: '王建军' });
    await step({ step: 'ACTIVIST', happenedOn: '2024-05-10', contactIds: [members['杨丽']] });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const named = (await step({ step: 'CANDIDATE', happenedOn: today, decidedBy: '支委会' })).developmentRecord;
    const notice = named.applicant.noticeId as string;
    const READ = `query($id: ID!) { node(id: $id) { ... on Disclosure { title category scope status notice { open endsAt } organization { name } bodyHtml } } }`;
    const seen = (await member(READ, { id: notice })).data!.node;
    expect(seen).toMatchObject({ title: '关于拟将周晓同志确定为发展对象的公示', category: 'ORGANIZATION_BUILDING', scope: 'WHOLE_ENTERPRISE', status: 'PUBLISHED', notice: { open: true }, organization: { name: '采油二队党支部' } });
    expect(seen.bodyHtml).toContain('1996年5月生');
    expect(seen.bodyHtml).not.toContain('370502'); // never the ID number
    // The window is the LOCAL five working days from tomorrow, on the national calendar.
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from generate_series((now() at time zone 'Asia/Shanghai')::date + 1, $1::date, interval '1 day') d
        where (extract(isodow from d) < 6 and not exists (select 1 from calendar_day c where c.day = d::date and c.kind = 'HOLIDAY'))
           or exists (select 1 from calendar_day c where c.day = d::date and c.kind = 'WORKDAY')`,
      [named.applicant.noticeEndsOn],
    )) as [{ n: number }];
    expect(n).toBe(5);
    await expectOk(member, `mutation($id: ID!, $i: DisclosureFeedbackInput!) { disclosureFeedbackCreate(id: $id, input: $i) { userErrors { message } } }`, { id: notice, i: { body: '该同志工作认真，群众认可。' } });
    const inbox = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Disclosure { feedback(first: 10) { nodes { body } } } } }`, { id: notice })).data!.node.feedback.nodes;
    expect(inbox).toEqual([{ body: '该同志工作认真，群众认可。' }]);
    expect((await powerAdmin(READ, { id: notice })).data?.node ?? null).toBeNull();
    // While it runs, the 支委会 cannot review.
    const blocked = (await plantAdmin(STEP, { i: { applicantId: other, step: 'COMMITTEE_REVIEW', happenedOn: today } })).data!.developmentRecord.userErrors[0];
    expect(blocked).toMatchObject({ rule: 'development.notice', message: expect.stringContaining(named.applicant.noticeEndsOn) });
  });

  it('takes two full members not under 留党察看 as 介绍人', async () => {
    expect(await refused({ step: 'INTRODUCERS', happenedOn: '2025-06-25', introducerIds: [members['王建军'], members['吴预备']] })).toMatchObject({ rule: 'development.introducerFullMember', message: expect.stringContaining('吴预备') });
    expect(await refused({ step: 'INTRODUCERS', happenedOn: '2025-06-25', introducerIds: [members['王建军'], members['周涛']] })).toMatchObject({ rule: 'development.introducerProbation' });
    expect(await refused({ step: 'INTRODUCERS', happenedOn: '2025-06-25', introducerIds: [members['王建军']] })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'introducerIds'] });
    expect((await ok({ step: 'INTRODUCERS', happenedOn: '2025-06-25', introducerIds: [members['王建军'], members['刘红']] })).record.people).toBe('王建军、刘红');
  });

  it('blocks the 支委会审查 until the 公示 is over, the 政审 passed and 24 class hours trained', async () => {
    expect(await refused({ step: 'COMMITTEE_REVIEW', happenedOn: '2025-07-20', decidedBy: '支委会' })).toMatchObject({ rule: 'development.politicalReview' });
    await ok({ step: 'POLITICAL_REVIEW', happenedOn: '2025-07-01', decidedBy: '支委会', note: '政治审查合格' });
    await ok({ step: 'TRAINING', happenedOn: '2025-07-05', hours: 16, people: '第一采油厂党校' });
    expect(await refused({ step: 'COMMITTEE_REVIEW', happenedOn: '2025-07-20', decidedBy: '支委会' })).toMatchObject({ rule: 'development.training', message: expect.stringContaining('16学时') });
    await ok({ step: 'TRAINING', happenedOn: '2025-07-12', hours: 8, people: '第一采油厂党校' });
    expect((await ok({ step: 'COMMITTEE_REVIEW', happenedOn: '2025-07-20', decidedBy: '支委会' })).applicant.stage).toBe('PRE_REVIEW');
  });

  it('leaves the 预审 and the approval to the committee above the branch', async () => {
    const plantId = await orgId(db, '第一采油厂党委');
    const [editor] = await db.query<{ id: number }>(`select id from app_user where email = $1`, [DEMO.branchEditor]);
    // A general-branch admin manages the branch but is not its 基层党委.
    await expectOk(plantAdmin, `mutation($i: MembershipGrantInput!) { membershipGrant(input: $i) { membership { id } userErrors { code } } }`, {
      i: { userId: gid('User', editor!.id), organizationId: gid('Organization', await orgId(db, '采油一矿党总支')), role: 'ORG_ADMIN' },
    });
    const generalBranchAdmin = withToken(api, await signIn(api, DEMO.branchEditor));
    expect(await refused({ step: 'PRE_REVIEW', happenedOn: '2025-08-01', decidedBy: '第一采油厂党委' }, generalBranchAdmin)).toMatchObject({ rule: 'development.committeeDecides', message: expect.stringContaining('第一采油厂党委') });
    void plantId;
    expect((await ok({ step: 'PRE_REVIEW', happenedOn: '2025-08-01', decidedBy: '第一采油厂党委' })).applicant.stage).toBe('FORM_ISSUED');
  });

  it('computes the 支部大会’s quorum and majority from its figures', async () => {
    const vote = (v: Record<string, number>) => ({ step: 'ADMISSION_VOTE', happenedOn: '2025-09-10', decidedBy: '支部大会', vote: { expected: 7, present: 6, yes: 5, no: 1, abstain: 0, ...v } });
    expect(await refused(vote({ expected: 8 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'vote.expected'], message: expect.stringContaining('7 full members') });
    expect(await refused(vote({ present: 3, yes: 3, no: 0 }))).toMatchObject({ rule: 'development.quorum', source: expect.stringContaining('支部工作条例') });
    expect(await refused(vote({ yes: 5, no: 2 }))).toMatchObject({ field: ['input', 'vote.yes'] });
    const failed = await ok(vote({ yes: 3, no: 2, abstain: 1 }));
    expect(failed.record).toMatchObject({ passed: false, vote: { quorum: true, majority: false } });
    expect(failed.applicant.stage).toBe('FORM_ISSUED');
    // A written opinion from an absent member counts: 3 + 1 of 7 is a majority.
    const passed = await ok(vote({ yes: 3, no: 2, abstain: 1, writtenYes: 1 }));
    expect(passed.record).toMatchObject({ passed: true, vote: { quorum: true, majority: true } });
    expect(passed.applicant).toMatchObject({ stage: 'PENDING_APPROVAL', due: { what: '党委审批', on: '2025-12-10', overdue: true } });
  });

  it('approves within six months (a warning after three) and makes the person a 预备党员', async () => {
    expect(await refused({ step: 'APPROVAL', happenedOn: '2026-03-11', decidedBy: '第一采油厂党委' })).toMatchObject({ rule: 'development.approvalWithinSixMonths' });
    const approved = await ok({ step: 'APPROVAL', happenedOn: '2026-01-05', decidedBy: '第一采油厂党委' });
    expect(approved.warnings).toEqual([expect.objectContaining({ rule: 'development.approvalWithinThreeMonths' })]);
    expect(approved.applicant).toMatchObject({ stage: 'PROBATIONARY', probationEndsOn: '2026-09-10', member: { category: 'PROBATIONARY', joinedOn: '2025-09-10', confirmedOn: null } });
    const record = (await plantAdmin(`query($id: ID!) { node(id: $id) { ... on Member { name idNumber phone organization { name } development { stage } } } }`, { id: approved.applicant.member.id })).data!.node;
    expect(record).toEqual({ name: '李明', idNumber: id('37050219980315001'), phone: '13912345678', organization: { name: '采油二队党支部' }, development: { stage: 'PROBATIONARY' } });
  });

  it('discusses 转正 only when the 预备期 is over and its 公示 has run, then the committee confirms it', async () => {
    await ok({ step: 'OATH', happenedOn: '2026-01-20' });
    await ok({ step: 'CONFIRMATION_APPLICATION', happenedOn: '2026-08-20', note: '本人提交转正申请书', noticeHeld: { startsOn: '2026-08-24', endsOn: '2026-08-28' } });
    expect(await refused({ step: 'CONFIRMATION_VOTE', happenedOn: '2026-09-01', outcome: 'CONFIRM', vote: { expected: 7, present: 6, yes: 6, no: 0, abstain: 0 } })).toMatchObject({
      rule: 'development.probationOneYear',
      source: '《中国共产党章程》第七条',
    });
    expect(await refused({ step: 'CONFIRMATION_VOTE', happenedOn: '2026-09-12', outcome: 'EXTEND', extensionMonths: 3, vote: { expected: 7, present: 6, yes: 6, no: 0, abstain: 0 } })).toMatchObject({ rule: 'development.extension' });
    const voted = await ok({ step: 'CONFIRMATION_VOTE', happenedOn: '2026-09-12', decidedBy: '支部大会', outcome: 'CONFIRM', vote: { expected: 7, present: 6, yes: 6, no: 0, abstain: 0 } });
    expect(voted.applicant.stage).toBe('CONFIRMATION_PENDING');
    const confirmed = await ok({ step: 'CONFIRMATION_APPROVAL', happenedOn: '2026-10-10', decidedBy: '第一采油厂党委' });
    // 转正 takes effect on the day the 预备期 ended, not the day of the approval.
    expect(confirmed.applicant).toMatchObject({ stage: 'FULL', confirmedOn: '2026-09-10', member: { category: 'FULL', confirmedOn: '2026-09-10' } });
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action like 'development.%'`)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it('shows applicants to the branch’s admins and reviewers only, personal data masked for reviewers; whole reads audited', async () => {
    const READ = `query($id: ID!) { node(id: $id) { ... on Applicant { name idNumber phone records { step } } } }`;
    const reviewer = (await plantReviewer(READ, { id: applicant })).data!.node;
    expect(reviewer.idNumber).toBe('3705**********' + id('37050219980315001').slice(-4));
    expect(reviewer.phone).toBe('139****5678');
    expect(reviewer.records.map((r: { step: string }) => r.step)).toContain('CANDIDATE');
    const before = await db.query(`select 1 from audit_event where action = 'applicant.unmask'`);
    expect((await plantAdmin(READ, { id: applicant })).data!.node.idNumber).toBe(id('37050219980315001'));
    const after = await db.query(`select 1 from audit_event where action = 'applicant.unmask'`);
    expect(after.length).toBe(before.length + 1);
    for (const who of [refineryAdmin, powerAdmin, member, anonymous]) {
      expect((await who(READ, { id: applicant })).data?.node ?? null).toBeNull();
      expect((await who(`query($o: ID!) { applicants(first: 10, filter: { organizationId: $o }) { totalCount nodes { id } } }`, { o: branch })).data?.applicants ?? { totalCount: 0 }).toMatchObject({ totalCount: 0 });
    }
    expect((await plantReviewer(STEP, { i: { applicantId: applicant, step: 'ARCHIVE', happenedOn: '2026-10-12' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await refineryAdmin(STEP, { i: { applicantId: applicant, step: 'ARCHIVE', happenedOn: '2026-10-12' } })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('lays out the board by stage, overdue first', async () => {
    const late = await expectOk(plantAdmin, APPLY, { i: { organizationId: branch, name: '钱多多', idNumber: id('37050220000101002'), appliedOn: '2026-01-05' } });
    const fresh = await expectOk(plantAdmin, APPLY, { i: { organizationId: branch, name: '孙晓', idNumber: id('37050220010202003'), appliedOn: '2026-11-20' } });
    const BOARD = `query($o: ID!) { developmentBoard(organizationId: $o) { stage label totalCount overdueCount applicants { name due { what overdue } } } }`;
    const board = (await plantAdmin(BOARD, { o: branch })).data!.developmentBoard;
    const applicants = board.find((c: { stage: string }) => c.stage === 'APPLICANT');
    expect(applicants).toMatchObject({ label: '入党申请人', totalCount: 2, overdueCount: 1 });
    expect(applicants.applicants.map((a: { name: string }) => a.name)).toEqual(['钱多多', '孙晓']);
    expect(board.find((c: { stage: string }) => c.stage === 'FULL')).toBeUndefined();
    expect((await refineryAdmin(BOARD, { o: branch })).data!.developmentBoard.every((c: { totalCount: number }) => c.totalCount === 0)).toBe(true);
    expect(board.find((c: { stage: string }) => c.stage === 'CANDIDATE').applicants.map((a: { name: string }) => a.name)).toEqual(['周晓']);
    void late;
    void fresh;
    void userId;
  });
});
