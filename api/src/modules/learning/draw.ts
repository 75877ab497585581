/**
 * Drawing a paper (DOMAIN-RULES §8): for each rule, so many active questions of the bank of its
 * type (and dimension), at random, none twice — once, when the attempt starts. The bank is the
 * enterprise's own questions and those its partners (an active 共建 partnership) share.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DrawRule } from './question-types.js';

/** The enterprise's bank, in SQL over `question q`; binds the enterprise three times. */
const BANK = `(q.enterprise_id = ? or (q.shared_with_partners and exists (
  select 1 from partnership p where p.status = 'ACTIVE'
     and ((p.proposer_id = ? and p.partner_id = q.enterprise_id) or (p.partner_id = ? and p.proposer_id = q.enterprise_id)))))`;

export async function available(em: EntityManager, enterpriseId: number, rule: Pick<DrawRule, 'type' | 'dimension'>): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from question q where ${BANK} and q.type = ? and q.active and (?::text is null or q.dimension = ?)`,
    [enterpriseId, enterpriseId, enterpriseId, rule.type, rule.dimension, rule.dimension],
  );
  return row?.n ?? 0;
}

/** The drawn question ids with their points, rule by rule, each rule's questions in random order. */
export async function drawPaper(em: EntityManager, enterpriseId: number, rules: readonly DrawRule[]): Promise<{ questionId: number; points: number }[]> {
  const paper: { questionId: number; points: number }[] = [];
  for (const rule of rules) {
    const rows = await em.execute<{ id: number }[]>(
      `select q.id from question q where ${BANK} and q.type = ? and q.active and (?::text is null or q.dimension = ?) and q.id <> all(?::int[]) order by random() limit ?`,
      [enterpriseId, enterpriseId, enterpriseId, rule.type, rule.dimension, rule.dimension, `{${paper.map((p) => p.questionId).join(',')}}`, rule.count],
    );
    paper.push(...rows.map((r) => ({ questionId: r.id, points: rule.points })));
  }
  return paper;
}
