/**
 * The bank shared with partners — an active 共建 partnership lets the partner draw the questions one
 * shares, and nothing else — and the study report across an organisation's branches.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'powerAdmin', 'member'], logins: { zhou: '13900000002' } });
const { plantAdmin, powerAdmin, member, zhou } = as;
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

describe('a bank shared with partners', () => {
  beforeAll(async () => {
    await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 2, logins: ['13800000001'], seed: 14 });
  }, 60_000);

  it('lets the partner draw what is shared, and only that', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const power = gid('Organization', await orgId(db, '江川供电有限公司党委'));
    const CREATE = `mutation($i: QuestionInput!) { questionCreate(input: $i) { question { id sharedWithPartners } userErrors { message } } }`;
    const q = { organizationId: plant, type: 'FILL', dimension: 'ETHICS', topic: '廉洁从业', answer: ['八项规定'] };
    await expectOk(plantAdmin, CREATE, { i: { ...q, stem: '中央（　）精神是改进作风的切入口。（未共享）' } });
    const shared = (await expectOk(plantAdmin, CREATE, { i: { ...q, stem: '中央（　）精神是改进作风的切入口。', sharedWithPartners: true } })).questionCreate.question;
    expect(shared.sharedWithPartners).toBe(true);
    // 江川's own bank holds one 职业道德 fill-in; with 华油's shared one, two.
    const EXAM = `mutation($i: ExamInput!) { examCreate(input: $i) { exam { id } userErrors { message } } }`;
    const PUBLISH = `mutation($id: ID!) { examPublish(id: $id) { userErrors { rule } } }`;
    const window = { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() };
    const two = (await expectOk(powerAdmin, EXAM, { i: { organizationId: power, title: '廉洁知识两题', rules: [{ type: 'FILL', dimension: 'ETHICS', count: 2, points: 50 }], durationMinutes: 10, passMark: 60, ...window } })).examCreate.exam.id;
    await expectOk(powerAdmin, PUBLISH, { id: two });
    const three = (await expectOk(powerAdmin, EXAM, { i: { organizationId: power, title: '廉洁知识三题', rules: [{ type: 'FILL', dimension: 'ETHICS', count: 3, points: 30 }], durationMinutes: 10, passMark: 60, ...window } })).examCreate.exam.id;
    expect((await powerAdmin(PUBLISH, { id: three })).data!.examPublish.userErrors[0]).toEqual({ rule: 'learning.bankTooSmall' });
    // The shared question is drawn into 江川's papers: their member sits it.
    await createRoll(powerAdmin, db, { branch: '城东供电所党支部', full: 1, logins: ['13900000002'], names: ['周强'], seed: 15 });
    const paper = (await expectOk(zhou, `mutation($id: ID!) { attemptStart(examId: $id) { attempt { items { stem } } userErrors { code } } }`, { id: two })).attemptStart.attempt.items.map((i: { stem: string }) => i.stem);
    expect(paper).toContain('中央（　）精神是改进作风的切入口。');
    expect(paper).not.toContain('中央（　）精神是改进作风的切入口。（未共享）');
    // Their bank list stays their own.
    const theirs = (await powerAdmin(`{ questions(first: 100) { nodes { stem } } }`)).data!.questions.nodes.map((n: { stem: string }) => n.stem);
    expect(theirs).not.toContain('中央（　）精神是改进作风的切入口。');
  });

  it('reports study across the branches: coverage, average hours, those at the target', async () => {
    await expectOk(member, `mutation { practiceStart { attempt { id } userErrors { code } } }`);
    const REPORT = `query($o: ID!, $y: Int!) { learningReport(organizationId: $o, year: $y) { target members coverage branches { name members studied reachedTarget } } }`;
    const report = (await plantAdmin(REPORT, { o: gid('Organization', await orgId(db, '第一采油厂党委')), y: YEAR })).data!.learningReport;
    expect(report.target).toBe(32);
    expect(report.branches.find((b: { name: string }) => b.name === '采油一队党支部')).toMatchObject({ members: 2, studied: 0, reachedTarget: 0 });
    expect(report.members).toBeGreaterThan(50);
    expect((await powerAdmin(REPORT, { o: gid('Organization', await orgId(db, '第一采油厂党委')), y: YEAR })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
