/**
 * Score reports (DOMAIN-RULES §8 c): an attempt by dimension and by 考点; an exam for its admins —
 * how many sat it of those it is open to, the average, the pass rate, the distribution, the hardest
 * questions and each branch. A few statements each, whatever the number of attempts.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export interface Share {
  key: string;
  earned: number;
  points: number;
}

export async function attemptBreakdown(em: EntityManager, attemptId: number): Promise<{ byDimension: Share[]; byTopic: Share[] }> {
  const rows = await em.execute<{ dimension: string; topic: string; earned: number; points: number }[]>(
    `select q.dimension, q.topic, sum(case when i.correct then i.points else 0 end)::int as earned, sum(i.points)::int as points
       from attempt_item i join question q on q.id = i.question_id where i.attempt_id = ? group by 1, 2 order by 1, 2`,
    [attemptId],
  );
  const fold = (key: (r: (typeof rows)[number]) => string): Share[] => {
    const out = new Map<string, Share>();
    for (const r of rows) {
      const s = out.get(key(r)) ?? { key: key(r), earned: 0, points: 0 };
      s.earned += r.earned;
      s.points += r.points;
      out.set(key(r), s);
    }
    return [...out.values()];
  };
  return { byDimension: fold((r) => r.dimension), byTopic: fold((r) => r.topic) };
}

export interface ExamReport {
  eligible: number;
  sat: number;
  attempts: number;
  average: number | null;
  passRate: number | null;
  /** Attempts per band of score: 0–59, 60–69, 70–79, 80–89, 90–100. */
  distribution: { band: string; count: number }[];
  hardest: { questionId: number; stem: string; topic: string; answered: number; correctRate: number }[];
  branches: { organizationId: number; name: string; attempts: number; average: number; passRate: number }[];
}

const BANDS = ['0-59', '60-69', '70-79', '80-89', '90-100'];

export async function examReport(em: EntityManager, examId: number): Promise<ExamReport> {
  const conn = em.getConnection();
  const [eligible, totals, bands, hardest, branches] = await Promise.all([
    conn.execute<{ n: number }[]>(
      `select count(distinct m.id)::int as n from exam x
         join organization e on e.id = any(case when cardinality(x.eligible) > 0 then x.eligible else array[x.organization_id] end)
         join organization o on o.path like e.path || '%' join member m on m.organization_id = o.id and m.status = 'NORMAL'
        where x.id = ?`,
      [examId],
    ),
    conn.execute<{ sat: number; attempts: number; average: string | null; passed: number }[]>(
      `select count(distinct member_id)::int as sat, count(*)::int as attempts, round(avg(score), 1)::text as average, count(*) filter (where passed)::int as passed
         from attempt where exam_id = ? and status <> 'STARTED'`,
      [examId],
    ),
    conn.execute<{ band: number; n: number }[]>(
      `select least(greatest(floor(score / 10)::int - 5, 0), 4) as band, count(*)::int as n from attempt where exam_id = ? and status <> 'STARTED' group by 1`,
      [examId],
    ),
    conn.execute<{ question_id: number; stem: string; topic: string; answered: number; right: number }[]>(
      `select q.id as question_id, q.stem, q.topic, count(*)::int as answered, count(*) filter (where i.correct)::int as right
         from attempt_item i join attempt a on a.id = i.attempt_id join question q on q.id = i.question_id
        where a.exam_id = ? and a.status <> 'STARTED'
        group by q.id order by count(*) filter (where i.correct)::float / count(*), count(*) desc, q.id limit 5`,
      [examId],
    ),
    conn.execute<{ organization_id: number; name: string; attempts: number; average: string; passed: number }[]>(
      `select o.id as organization_id, o.name, count(*)::int as attempts, round(avg(a.score), 1)::text as average, count(*) filter (where a.passed)::int as passed
         from attempt a join member m on m.id = a.member_id join organization o on o.id = m.organization_id
        where a.exam_id = ? and a.status <> 'STARTED' group by o.id order by avg(a.score) desc, o.id`,
      [examId],
    ),
  ]);
  const t = totals[0]!;
  const pct = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : 0);
  return {
    eligible: eligible[0]?.n ?? 0,
    sat: t.sat,
    attempts: t.attempts,
    average: t.average === null ? null : Number(t.average),
    passRate: t.attempts ? pct(t.passed, t.attempts) : null,
    distribution: BANDS.map((band, i) => ({ band, count: bands.find((b) => b.band === i)?.n ?? 0 })),
    hardest: hardest.map((h) => ({ questionId: h.question_id, stem: h.stem, topic: h.topic, answered: h.answered, correctRate: pct(h.right, h.answered) })),
    branches: branches.map((b) => ({ organizationId: b.organization_id, name: b.name, attempts: b.attempts, average: Number(b.average), passRate: pct(b.passed, b.attempts) })),
  };
}
