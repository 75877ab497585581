/**
 * Online exams through the real endpoint: the bank kept by admins; a paper drawn at random when an
 * attempt starts and stable across reloads; answers saved as one goes; the key never sent before
 * hand-in; grading on the server; the deadline by server time (an answer after it refused, a paper
 * left open handed in by the server); the 错题本; the exam's report for its admins only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'powerAdmin', 'member', 'branchEditor'], env: { LEARNING_SWEEP_MS: '300' } });
const { plantAdmin, plantReviewer, powerAdmin, member, branchEditor } = as;

const EXAM = `mutation($i: ExamInput!) { examCreate(input: $i) { exam { id status } userErrors { code field message rule } } }`;
const PUBLISH = `mutation($id: ID!) { examPublish(id: $id) { exam { status } userErrors { code message rule } } }`;
const START = `mutation($id: ID!) { attemptStart(examId: $id) { attempt { id status secondsLeft items { position type stem options answer correct correctAnswer explanation } } userErrors { code message rule } } }`;
const ANSWER = `mutation($id: ID!, $p: Int!, $a: [String!]!) { attemptAnswer(id: $id, position: $p, answer: $a) { userErrors { code field message rule } } }`;
const ATTEMPT = `query($id: ID!) { node(id: $id) { ... on Attempt { status score passed items { position answer correct correctAnswer explanation } byDimension { key earned points } } } }`;
const local = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
const RULES = [
  { type: 'SINGLE', count: 4, points: 10 },
  { type: 'MULTIPLE', count: 2, points: 10 },
  { type: 'TRUE_FALSE', count: 2, points: 10 },
  { type: 'FILL', count: 2, points: 10 },
];

/** The keys of an attempt's questions, read from the database as a test can (the API will not tell). */
async function keysOf(attemptId: string): Promise<Map<number, { type: string; answer: string[]; options: number }>> {
  const rows = await db.query<{ position: number; type: string; answer: string[]; options: string[] }>(
    `select i.position, q.type, q.answer, q.options from attempt_item i join question q on q.id = i.question_id where i.attempt_id = $1`,
    [local(attemptId)],
  );
  return new Map(rows.map((r) => [r.position, { type: r.type, answer: r.answer, options: r.options.length }]));
}

describe('online exams', () => {
  let plant: string;
  let exam: string;
  let first: { id: string; items: { position: number; stem: string }[] };

  beforeAll(async () => {
    plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 3, logins: ['13800000001', 'editor@cy1.huayou.example', 'reviewer@cy1.huayou.example'], seed: 4 });
  }, 60_000);

  it('keeps the bank for its keepers, checking each question by its type', async () => {
    const CREATE = `mutation($i: QuestionInput!) { questionCreate(input: $i) { question { id type answer } userErrors { code field } } }`;
    const q = { organizationId: plant, type: 'SINGLE', stem: '采油厂“党员责任区”制度要求党员承包（　）。', options: ['油井', '车辆', '食堂', '宿舍'], answer: ['A'], dimension: 'PROFESSIONAL', topic: '党员责任区' };
    expect(outcome(await member(CREATE, { i: q }), 'questionCreate')).toBe('FORBIDDEN');
    expect((await plantAdmin(CREATE, { i: { ...q, answer: ['A', 'B'] } })).data!.questionCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'answer'] });
    expect((await plantAdmin(CREATE, { i: { ...q, type: 'TRUE_FALSE' } })).data!.questionCreate.userErrors[0]).toMatchObject({ field: ['input', 'options'] });
    expect((await expectOk(plantAdmin, CREATE, { i: q })).questionCreate.question).toMatchObject({ type: 'SINGLE', answer: ['A'] });
    const BANK = `{ questions(first: 5) { totalCount } }`;
    expect((await plantAdmin(BANK)).data!.questions.totalCount).toBe(1);
    expect((await member(BANK)).data!.questions.totalCount).toBe(0);
    // 江川 keeps its own bank (its demo one), never 华油's.
    const theirs = (await powerAdmin(`{ questions(first: 100) { nodes { stem } } }`)).data!.questions.nodes.map((n: { stem: string }) => n.stem);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).not.toContain(q.stem);
  });

  it('publishes an exam only when the bank can fill its rule', async () => {
    const window = { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() };
    const big = (await expectOk(plantAdmin, EXAM, { i: { organizationId: plant, title: '填空题专项', rules: [{ type: 'FILL', count: 100, points: 1 }], durationMinutes: 20, passMark: 60, ...window } })).examCreate.exam.id;
    expect((await plantAdmin(PUBLISH, { id: big })).data!.examPublish.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'learning.bankTooSmall' });
    exam = (await expectOk(plantAdmin, EXAM, { i: { organizationId: plant, title: '党章党规与安全生产月度测试', rules: RULES, durationMinutes: 20, passMark: 60, ...window } })).examCreate.exam.id;
    expect((await member(START, { id: exam })).data?.attemptStart?.userErrors?.[0]?.code ?? outcome(await member(START, { id: exam }), 'attemptStart')).toBe('NOT_FOUND'); // a draft is not open to members
    await expectOk(plantAdmin, PUBLISH, { id: exam });
    expect((await powerAdmin(`query($id: ID!) { node(id: $id) { ... on Exam { title } } }`, { id: exam })).data?.node ?? null).toBeNull();
  });

  it('draws each attempt at random once: a reload finds the same paper; another member draws another; no key before hand-in', async () => {
    const started = (await expectOk(member, START, { id: exam })).attemptStart.attempt;
    first = started;
    expect(started.items).toHaveLength(10);
    expect(started.secondsLeft).toBeGreaterThan(1100);
    for (const item of started.items) expect(item).toMatchObject({ correct: null, correctAnswer: null, explanation: null });
    // A fill-in's accepted answers appear nowhere in what the API sent of its question (another
    // question's options may of course name the same word).
    const keys = await keysOf(started.id);
    for (const [position, k] of keys) {
      const sent = JSON.stringify(started.items.find((i: { position: number }) => i.position === position));
      if (k.type === 'FILL') for (const a of k.answer) expect(sent).not.toContain(JSON.stringify(a));
    }
    const again = (await expectOk(member, START, { id: exam })).attemptStart.attempt;
    expect(again.id).toBe(started.id);
    expect(again.items.map((i: { stem: string }) => i.stem)).toEqual(started.items.map((i: { stem: string }) => i.stem));
    const other = (await expectOk(branchEditor, START, { id: exam })).attemptStart.attempt;
    expect(other.id).not.toBe(started.id);
    expect(other.items.map((i: { stem: string }) => i.stem)).not.toEqual(started.items.map((i: { stem: string }) => i.stem));
  });

  it('saves answers as one goes, grades on the server at hand-in, then shows the key and the breakdown', async () => {
    const keys = await keysOf(first.id);
    expect((await member(ANSWER, { id: first.id, p: 1, a: ['Z'] })).data!.attemptAnswer.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(outcome(await branchEditor(ANSWER, { id: first.id, p: 1, a: ['A'] }), 'attemptAnswer')).toBe('NOT_FOUND');
    for (const [position, k] of keys) {
      // Every answer right but the first: 90 points.
      const wrong = k.type === 'TRUE_FALSE' ? [k.answer[0] === 'TRUE' ? 'FALSE' : 'TRUE'] : k.type === 'FILL' ? ['不知道'] : k.answer[0] === 'A' ? ['B'] : ['A'];
      await expectOk(member, ANSWER, { id: first.id, p: position, a: position === 1 ? wrong : k.type === 'FILL' ? [` ${k.answer[0]} `] : k.answer });
    }
    const reloaded = (await member(ATTEMPT, { id: first.id })).data!.node;
    expect(reloaded.status).toBe('STARTED');
    expect(reloaded.items.every((i: { answer: string[] | null }) => i.answer !== null)).toBe(true);
    const submitted = await expectOk(member, `mutation($id: ID!) { attemptSubmit(id: $id) { attempt { status } userErrors { code } } }`, { id: first.id });
    expect(submitted.attemptSubmit.attempt.status).toBe('SUBMITTED');
    const graded = (await member(ATTEMPT, { id: first.id })).data!.node;
    expect(graded).toMatchObject({ status: 'SUBMITTED', score: 90, passed: true });
    expect(graded.items[0]).toMatchObject({ position: 1, correct: false, correctAnswer: keys.get(1)!.answer });
    expect(graded.items.slice(1).every((i: { correct: boolean }) => i.correct)).toBe(true);
    expect(graded.byDimension.reduce((n: number, d: { points: number }) => n + d.points, 0)).toBe(100);
    // One attempt per member.
    expect((await member(START, { id: exam })).data!.attemptStart.userErrors[0]).toMatchObject({ rule: 'learning.attempts' });
    // The wrong one is in the 错题本, and practice draws from it.
    const book = (await member(`{ myWrongQuestions { stem correctAnswer } }`)).data!.myWrongQuestions;
    expect(book).toEqual([{ stem: first.items[0]!.stem, correctAnswer: keys.get(1)!.answer }]);
    const practice = (await expectOk(member, `mutation { practiceStart(fromWrongBook: true) { attempt { kind items { stem } } userErrors { code } } }`)).practiceStart.attempt;
    expect(practice).toEqual({ kind: 'PRACTICE', items: [{ stem: first.items[0]!.stem }] });
  });

  it('keeps the deadline by server time: an answer after it is refused; a paper left open is handed in by the server', async () => {
    const short = (await expectOk(plantAdmin, EXAM, {
      i: { organizationId: plant, title: '限时测验', rules: [{ type: 'TRUE_FALSE', count: 2, points: 50 }], durationMinutes: 10, passMark: 60, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 2500).toISOString() },
    })).examCreate.exam.id;
    await expectOk(plantAdmin, PUBLISH, { id: short });
    const late = (await expectOk(branchEditor, START, { id: short })).attemptStart.attempt;
    const left = (await expectOk(plantReviewer, START, { id: short })).attemptStart.attempt;
    expect(late.secondsLeft).toBeLessThanOrEqual(3);
    await expectOk(branchEditor, ANSWER, { id: late.id, p: 1, a: ['TRUE'] });
    await new Promise((r) => setTimeout(r, 3000));
    const refused = (await branchEditor(ANSWER, { id: late.id, p: 2, a: ['TRUE'] })).data!.attemptAnswer.userErrors[0];
    expect(refused).toMatchObject({ code: 'CONFLICT', rule: 'learning.deadline' });
    expect((await branchEditor(ATTEMPT, { id: late.id })).data!.node.status).toBe('EXPIRED');
    // Nobody touched the other paper: the server hands it in.
    const status = async () => (await db.query<{ status: string }>(`select status from attempt where id = $1`, [local(left.id)]))[0]!.status;
    for (let i = 0; i < 40 && (await status()) === 'STARTED'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toBe('EXPIRED');
    expect((await plantReviewer(ATTEMPT, { id: left.id })).data!.node).toMatchObject({ status: 'EXPIRED', score: 0, passed: false });
  });

  it('reports the exam to its admins and reviewers only', async () => {
    const REPORT = `query($id: ID!) { node(id: $id) { ... on Exam { report { eligible sat attempts passRate distribution { band count } hardest { topic correctRate } branches { name attempts } } } } }`;
    const report = (await plantAdmin(REPORT, { id: exam })).data!.node.report;
    // Papers handed in count (陈静's is still open).
    expect(report).toMatchObject({ sat: 1, attempts: 1, passRate: 100 });
    expect(report.eligible).toBeGreaterThan(50);
    expect(report.distribution).toContainEqual({ band: '90-100', count: 1 });
    expect(report.hardest[0]).toMatchObject({ correctRate: 0 });
    expect(report.branches).toEqual([{ name: '采油一队党支部', attempts: 1 }]);
    expect((await plantReviewer(REPORT, { id: exam })).data!.node.report).not.toBeNull();
    expect((await member(REPORT, { id: exam })).data!.node.report).toBeNull();
  });
});
