/**
 * Awarding 学习积分 (DOMAIN-RULES §8 a pattern): each action's points — full versus partial — capped
 * per member, action and China day by the enterprise's settings; each source awarded once (a retry
 * or a second hand-in changes nothing). Called inside the transaction that completes the action.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { chinaToday } from '../members/member.rules.js';
import { PointAction } from './points.entity.js';
import { EXAM_FULL, EXAM_PASS, ITEM_POINTS_CAP, PRACTICE_CAP, PRACTICE_FULL, PRACTICE_PARTIAL } from './points.local-rules.js';

/** How many points an action earns before the cap, and the cap (null: none). */
async function rate(em: EntityManager, enterpriseId: number, action: PointAction, outcome: { full?: boolean; passed?: boolean }): Promise<{ points: number; cap: number | null }> {
  const value = (key: string) => localRuleValue(em, enterpriseId, key);
  switch (action) {
    case PointAction.ITEM:
      return { points: 1, cap: await value(ITEM_POINTS_CAP.key) };
    case PointAction.PRACTICE:
      return { points: await value(outcome.full ? PRACTICE_FULL.key : PRACTICE_PARTIAL.key), cap: await value(PRACTICE_CAP.key) };
    case PointAction.EXAM:
      return { points: outcome.full ? await value(EXAM_FULL.key) : outcome.passed ? await value(EXAM_PASS.key) : 0, cap: null };
  }
}

/** Awards the points of one action (once per source), within the day's cap; returns those awarded. */
export async function award(tx: EntityManager, input: { enterpriseId: number; memberId: number; action: PointAction; source: string; full?: boolean; passed?: boolean; now?: Date }): Promise<number> {
  const { points, cap } = await rate(tx, input.enterpriseId, input.action, input);
  if (points <= 0) return 0;
  const day = chinaToday(input.now);
  // Serialise a member's awards of one action and day, so two at once respect the cap.
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`points/${input.memberId}/${input.action}/${day}`]);
  const [row] = await tx.execute<{ sum: number }[]>('select coalesce(sum(points), 0)::int as sum from learning_point where member_id = ? and action = ? and day = ?', [input.memberId, input.action, day]);
  const granted = cap === null ? points : Math.max(0, Math.min(points, cap - (row?.sum ?? 0)));
  const inserted = await tx.execute<{ points: number }[]>(
    `insert into learning_point (enterprise_id, member_id, action, source, day, points) values (?, ?, ?, ?, ?, ?)
     on conflict (enterprise_id, member_id, action, source) do nothing returning points`,
    [input.enterpriseId, input.memberId, input.action, input.source, day, granted],
  );
  return inserted[0]?.points ?? 0;
}
