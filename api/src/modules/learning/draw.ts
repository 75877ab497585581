/**
 * Drawing a paper (DOMAIN-RULES §8): for each rule, so many active questions of the enterprise's
 * bank of its type (and dimension), at random, none twice — once, when the attempt starts.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DrawRule } from './question-types.js';

export async function available(em: EntityManager, enterpriseId: number, rule: Pick<DrawRule, 'type' | 'dimension'>): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from question where enterprise_id = ? and type = ? and active and (?::text is null or dimension = ?)`,
    [enterpriseId, rule.type, rule.dimension, rule.dimension],
  );
  return row?.n ?? 0;
}

/** The drawn question ids with their points, rule by rule, each rule's questions in random order. */
export async function drawPaper(em: EntityManager, enterpriseId: number, rules: readonly DrawRule[]): Promise<{ questionId: number; points: number }[]> {
  const paper: { questionId: number; points: number }[] = [];
  for (const rule of rules) {
    const rows = await em.execute<{ id: number }[]>(
      `select id from question where enterprise_id = ? and type = ? and active and (?::text is null or dimension = ?) and id <> all(?::int[]) order by random() limit ?`,
      [enterpriseId, rule.type, rule.dimension, rule.dimension, `{${paper.map((p) => p.questionId).join(',')}}`, rule.count],
    );
    paper.push(...rows.map((r) => ({ questionId: r.id, points: rule.points })));
  }
  return paper;
}
