/**
 * Demo learning: each demo enterprise's bank (党章, 党史, 安全生产, 廉洁从业 — DEMO_BANK), and in the
 * first a finished exam: 100 points over 23 questions, sat by about a third of its members a
 * month ago, graded as the server grades. Additive and idempotent (once per enterprise).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomFrom } from '../../demo/people.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { DEMO_ROLLS } from '../members/members.demo.js';
import { Organization } from '../organizations/organization.entity.js';
import { DEMO_BANK } from './demo-bank.js';
import { isCorrect, scoreOf } from './grade.js';
import { Exam, Question } from './learning.entity.js';
import { LETTERS, type DrawRule, type QuestionType } from './question-types.js';

const DAY = 86_400_000;
const RULES: DrawRule[] = [
  { type: 'SINGLE', dimension: null, count: 10, points: 4 },
  { type: 'MULTIPLE', dimension: null, count: 5, points: 6 },
  { type: 'TRUE_FALSE', dimension: null, count: 5, points: 3 },
  { type: 'FILL', dimension: null, count: 3, points: 5 },
];

/** A wrong answer of the right shape. */
function wrongAnswer(type: QuestionType, options: number, key: string[]): string[] {
  if (type === 'TRUE_FALSE') return [key[0] === 'TRUE' ? 'FALSE' : 'TRUE'];
  if (type === 'FILL') return ['不清楚'];
  const other = LETTERS.slice(0, options).find((l) => !key.includes(l)) ?? 'A';
  return type === 'SINGLE' ? [other] : key.length > 2 ? key.slice(1) : [...key, other].sort();
}

export async function seedDemoLearning(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  for (const [index, roll] of DEMO_ROLLS.entries()) {
    const enterprise = await em.findOne(Enterprise, { slug: roll.enterprise });
    if (!enterprise || (await em.count(Question, { enterprise }))) continue;
    const root = await em.findOne(Organization, { enterprise, parent: null });
    if (!root) continue;
    const ids = (await em.execute<{ id: number }[]>(`select nextval('question_id_seq')::int as id from generate_series(1, ?)`, [DEMO_BANK.length])).map((r) => r.id);
    const bank = DEMO_BANK.map(([type, stem, options, answer, dimension, topic, difficulty, explanation, source], i) => ({ id: ids[i]!, type, stem, options, answer, dimension, topic, difficulty, explanation, source }));
    await em.execute(
      `insert into question (id, enterprise_id, organization_id, type, stem, options, answer, dimension, topic, difficulty, explanation, source)
       select q.id, ?, ?, q.type, q.stem, array(select jsonb_array_elements_text(q.options)), array(select jsonb_array_elements_text(q.answer)), q.dimension, q.topic, q.difficulty, q.explanation, q.source
         from jsonb_to_recordset(?::jsonb) as q(id int, type text, stem text, options jsonb, answer jsonb, dimension text, topic text, difficulty text, explanation text, source text)`,
      [enterprise.id, root.id, JSON.stringify(bank)],
    );
    created.push(`${bank.length} demo questions in ${roll.enterprise}`);
    if (index > 0) continue;

    // A finished exam with its results.
    const closes = new Date(Date.now() - 20 * DAY);
    const exam = em.create(Exam, {
      enterprise,
      organization: root,
      title: '党章党规与安全生产知识测试',
      rules: RULES,
      durationMinutes: 30,
      passMark: 60,
      maxAttempts: 1,
      opensAt: new Date(closes.getTime() - 14 * DAY),
      closesAt: closes,
      eligible: [],
      status: 'PUBLISHED',
      createdBy: null,
    } as never) as Exam;
    await em.flush();
    const members = await em.execute<{ id: number }[]>(`select id from member where enterprise_id = ? and status = 'NORMAL' order by id`, [enterprise.id]);
    const random = randomFrom(`exam/${roll.enterprise}`);
    const sitters = members.filter(() => random() < 0.35);
    const attemptIds = (await em.execute<{ id: number }[]>(`select nextval('attempt_id_seq')::int as id from generate_series(1, ?)`, [Math.max(sitters.length, 1)])).map((r) => r.id);
    const attempts: object[] = [];
    const items: object[] = [];
    sitters.forEach((m, k) => {
      const skill = 0.55 + random() * 0.4; // each member's chance to answer right
      const started = new Date(exam.opensAt.getTime() + Math.floor(random() * 13 * DAY));
      const graded: { points: number; earned: number }[] = [];
      let position = 0;
      for (const rule of RULES) {
        const pool = bank.filter((q) => q.type === rule.type).sort(() => random() - 0.5).slice(0, rule.count);
        for (const q of pool) {
          position += 1;
          const answer = random() < skill ? q.answer : wrongAnswer(q.type, q.options.length, q.answer);
          const correct = isCorrect(q.type, q.answer, answer);
          graded.push({ points: rule.points, earned: correct ? rule.points : 0 });
          items.push({ attempt_id: attemptIds[k], position, question_id: q.id, points: rule.points, answer, correct });
        }
      }
      const score = scoreOf(graded);
      attempts.push({ id: attemptIds[k], member_id: m.id, started_at: started.toISOString(), submitted_at: new Date(started.getTime() + (12 + Math.floor(random() * 17)) * 60_000).toISOString(), score, passed: score >= 60 });
    });
    await em.execute(
      `insert into attempt (id, enterprise_id, exam_id, member_id, kind, status, started_at, deadline, submitted_at, score, passed)
       select a.id, ?, ?, a.member_id, 'EXAM', 'SUBMITTED', a.started_at, a.started_at + interval '30 minutes', a.submitted_at, a.score, a.passed
         from jsonb_to_recordset(?::jsonb) as a(id int, member_id int, started_at timestamptz, submitted_at timestamptz, score numeric, passed boolean)`,
      [enterprise.id, exam.id, JSON.stringify(attempts)],
    );
    await em.execute(
      `insert into attempt_item (enterprise_id, attempt_id, position, question_id, points, answer, correct)
       select ?, i.attempt_id, i.position, i.question_id, i.points, array(select jsonb_array_elements_text(i.answer)), i.correct
         from jsonb_to_recordset(?::jsonb) as i(attempt_id int, position int, question_id int, points int, answer jsonb, correct boolean)`,
      [enterprise.id, JSON.stringify(items)],
    );
    em.clear();
    created.push(`a finished exam with ${attempts.length} attempts in ${roll.enterprise}`);
  }
  return created;
}
