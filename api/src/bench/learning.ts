/**
 * `pnpm bench`, learning (issue #17): grading a 100-question paper on the server, and the report of
 * an exam over 5,000 handed-in attempts (500,000 answered questions), each beside its target.
 */
import { pino } from 'pino';
import { openAppOrm } from '../app.js';
import { finish } from '../modules/learning/attempt.service.js';
import { Attempt } from '../modules/learning/learning.entity.js';
import { examReport } from '../modules/learning/report.js';

const PAPER = 100;
const ATTEMPTS = 5_000;
const TARGET_GRADE_MS = 200;
const TARGET_REPORT_MS = 1_000;

export async function benchLearning(databaseUrl: string, say: (line: string) => void): Promise<void> {
  const orm = await openAppOrm({ databaseUrl, log: pino({ level: 'silent' }) });
  try {
    const em = orm.em.fork();
    const [root] = await em.execute<{ id: number; enterprise_id: number }[]>(`select id, enterprise_id from organization where parent_id is null order by id limit 1`);
    const e = root!.enterprise_id;
    // A bank of 150 single-choice questions and a published exam drawing 100 of them.
    await em.execute(
      `insert into question (enterprise_id, organization_id, type, stem, options, answer, dimension, topic, difficulty)
       select ?, ?, 'SINGLE', '压测题目' || g, array['甲', '乙', '丙', '丁'], array[chr(65 + g % 4)], (array['POLITICAL', 'PROFESSIONAL', 'ETHICS'])[1 + g % 3], '考点' || (g % 12), 'MEDIUM'
         from generate_series(1, 150) as g`,
      [e, root!.id],
    );
    const [exam] = await em.execute<{ id: number }[]>(
      `insert into exam (enterprise_id, organization_id, title, rules, duration_minutes, pass_mark, max_attempts, opens_at, closes_at, eligible, status)
       values (?, ?, '压测考试', '[{"type":"SINGLE","dimension":null,"count":100,"points":1}]', 60, 60, 1, now() - interval '1 day', now() + interval '1 day', '{}', 'PUBLISHED') returning id`,
      [e, root!.id],
    );
    const questions = (await em.execute<{ id: number }[]>(`select id from question where enterprise_id = ? and stem like '压测题目%' order by id limit ?`, [e, PAPER])).map((q) => q.id);
    const members = (await em.execute<{ id: number }[]>(`select id from member where enterprise_id = ? and status = 'NORMAL' order by id limit ?`, [e, ATTEMPTS])).map((m) => m.id);
    if (members.length === 0) throw new Error('bench learning: no members');
    // 5,000 handed-in attempts of 100 answered questions each, in two set-based statements.
    await em.execute(
      `insert into attempt (enterprise_id, exam_id, member_id, kind, status, started_at, deadline, submitted_at, score, passed)
       select ?, ?, (?::int[])[1 + (g - 1) % cardinality(?::int[])], 'EXAM', 'SUBMITTED', now() - interval '2 hours', now() - interval '1 hour', now() - interval '90 minutes', (g * 37 % 101), (g * 37 % 101) >= 60
         from generate_series(1, ?) as g`,
      [e, exam!.id, `{${members.join(',')}}`, `{${members.join(',')}}`, ATTEMPTS],
    );
    await em.execute(
      `insert into attempt_item (enterprise_id, attempt_id, position, question_id, points, answer, correct)
       select ?, a.id, q.position, q.id, 1, array['A'], (a.id + q.position) % 3 <> 0
         from attempt a cross join unnest(?::int[]) with ordinality as q(id, position)
        where a.exam_id = ?`,
      [e, `{${questions.join(',')}}`, exam!.id],
    );
    await em.execute('analyze attempt; analyze attempt_item; analyze question');

    // Grading one paper: 100 answered questions, on the server, in its transaction.
    const [open] = await em.execute<{ id: number }[]>(
      `insert into attempt (enterprise_id, exam_id, member_id, kind, status, started_at, deadline) values (?, ?, ?, 'EXAM', 'STARTED', now(), now() + interval '1 hour') returning id`,
      [e, exam!.id, members[0]],
    );
    await em.execute(
      `insert into attempt_item (enterprise_id, attempt_id, position, question_id, points, answer) select ?, ?, q.position, q.id, 1, array['B'] from unnest(?::int[]) with ordinality as q(id, position)`,
      [e, open!.id, `{${questions.join(',')}}`],
    );
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await em.execute(`update attempt set status = 'STARTED', score = null, passed = null, submitted_at = null where id = ?`, [open!.id]);
      await em.execute(`delete from learning_point where source = ?`, [`attempt:${open!.id}`]);
      const t = performance.now();
      await orm.em.fork().transactional(async (tx) => finish(tx, await tx.findOneOrFail(Attempt, open!.id), 'SUBMITTED'));
      times.push(performance.now() - t);
    }
    const grade = times.sort((a, b) => a - b)[2]!;
    const reports: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const report = await examReport(orm.em.fork(), exam!.id);
      reports.push(performance.now() - t);
      if (report.attempts < ATTEMPTS) throw new Error(`bench learning: ${report.attempts} attempts in the report`);
    }
    const report = reports.sort((a, b) => a - b)[2]!;
    say('');
    say('learning');
    say(`grade a ${PAPER}-question paper (median of 5): ${grade.toFixed(0).padStart(5)} ms   target < ${TARGET_GRADE_MS} ms   ${grade < TARGET_GRADE_MS ? 'met' : 'MISSED'}`);
    say(`exam report over ${ATTEMPTS.toLocaleString('en')} attempts (${(ATTEMPTS * PAPER).toLocaleString('en')} answers, median of 5): ${report.toFixed(0).padStart(5)} ms   target < ${TARGET_REPORT_MS} ms   ${report < TARGET_REPORT_MS ? 'met' : 'MISSED'}`);
  } finally {
    await orm.close();
  }
}
