/**
 * 在线学习 events outgoing webhooks may subscribe to: an exam's results are in (its window has
 * closed and the last paper's time is up). Never a person's score: the exam and its figures, with
 * the average and pass rate left out below five papers — the dashboards' small-count rule — so no
 * one's result can be read off them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { emit } from '../../core/events/bus.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent, readsInternally, type ReminderRule } from '../../core/module.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** An exam's results are in: its window closed and every paper's time is up. */
    'learning.examResults': { examId: number; organizationId: number; enterpriseId: number };
  }
}

/** The smallest number of papers whose average and pass rate are sent. */
const SMALL_COUNT = 5;

export const examResultsDue: ReminderRule = {
  name: 'learning.examResults',
  description: 'When an exam’s results are in: the event for outgoing webhooks.',
  async due(em, now) {
    const rows = await em.execute<{ id: number; organization_id: number; enterprise_id: number; done_at: Date }[]>(
      `select id, organization_id, enterprise_id, closes_at + make_interval(mins => duration_minutes) as done_at from exam
        where status = 'PUBLISHED' and closes_at + make_interval(mins => duration_minutes) <= ?
          and closes_at > ?::timestamptz - interval '2 days'`,
      [now, now],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      subject: String(r.id),
      due: new Date(r.done_at).toISOString(),
      send: (tx: EntityManager) => emit(tx, { type: 'learning.examResults', examId: r.id, organizationId: r.organization_id, enterpriseId: r.enterprise_id }),
    }));
  },
};

export const examResultsWebhook = defineWebhookEvent({
  type: 'exam.results',
  label: '考试结果',
  description: 'An exam’s results are in: the exam, papers handed in, and — from five papers on — the average score and pass rate; never a person’s result. INTERNAL_READ endpoints only.',
  source: 'learning.examResults',
  enterprises: (_em, event) => [event.enterpriseId],
  async data(em, actor, event) {
    if (!readsInternally(actor, [event.enterpriseId])) return null;
    const [row] = await em.execute<{ title: string; pass_mark: number; opens_at: Date; closes_at: Date; organization_name: string; papers: number; average: string | null; passed: number }[]>(
      `select e.title, e.pass_mark, e.opens_at, e.closes_at, o.name as organization_name,
              count(a.id)::int as papers, avg(a.score::numeric)::text as average, count(a.id) filter (where a.passed)::int as passed
         from exam e join organization o on o.id = e.organization_id
         left join attempt a on a.exam_id = e.id and a.status in ('SUBMITTED', 'EXPIRED')
        where e.id = ? group by e.id, o.name`,
      [event.examId],
    );
    if (!row) return null;
    const enough = row.papers >= SMALL_COUNT;
    return {
      id: toGlobalId('Exam', event.examId),
      title: row.title,
      organization: { id: toGlobalId('Organization', event.organizationId), name: row.organization_name },
      opensAt: new Date(row.opens_at).toISOString(),
      closesAt: new Date(row.closes_at).toISOString(),
      passMark: row.pass_mark,
      papers: row.papers,
      averageScore: enough && row.average !== null ? Math.round(Number(row.average) * 10) / 10 : null,
      passRate: enough ? Math.round((row.passed / row.papers) * 1000) / 10 : null,
    };
  },
});
