/**
 * A member's 奖惩 and 党内关爱: entries added by the admins who keep the record, never edited.
 * 留党察看 lasts one or two years and, while it runs, the member may not stand for a committee.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { badInput } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { AwardKind, Discipline, MemberAward, MemberCare, type CareKind } from './history.entity.js';
import { chinaToday, pastDate, ruleRefusal, yearsLater } from './member.rules.js';
import { loadManageable } from './member.service.js';

export async function addAward(
  em: EntityManager,
  actor: Actor,
  input: { memberId: number; kind: AwardKind; discipline?: Discipline | null; title: string; decidedOn: string; decidedBy: string; until?: string | null; note?: string | null },
): Promise<MemberAward> {
  const me = requireUser(actor.viewer);
  const decidedOn = pastDate(input.decidedOn, 'decidedOn');
  const title = plainLine(input.title, 'title', 100, true);
  const decidedBy = plainLine(input.decidedBy, 'decidedBy', 100, true);
  if (input.kind === AwardKind.AWARD && input.discipline) throw badInput('An award has no discipline.', 'discipline');
  if (input.kind === AwardKind.DISCIPLINE && !input.discipline) throw badInput('Name the discipline: 警告, 严重警告, 撤销党内职务 or 留党察看 (开除党籍 is a change of status).', 'discipline');
  let until: string | null = null;
  if (input.discipline === Discipline.PROBATION) {
    if (!input.until) throw badInput('留党察看 has an end date.', 'until');
    until = input.until;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= decidedOn) throw badInput('The end date is a date after the decision.', 'until');
    if (until > yearsLater(decidedOn, 2)) throw ruleRefusal('留党察看 lasts at most two years.', 'member.probationTwoYears', 'DOMAIN-RULES §1 a, 党章');
  } else if (input.until) throw badInput('Only 留党察看 has an end date.', 'until');
  return em.transactional(async (tx) => {
    const member = await loadManageable(tx, actor, input.memberId);
    const entry = tx.create(MemberAward, {
      enterprise: member.enterprise.id,
      member: member.id,
      kind: input.kind,
      discipline: input.discipline ?? null,
      title,
      decidedOn,
      decidedBy,
      until,
      note: input.note ? plainText(input.note, 'note', 500) : null,
      recordedBy: me.userId,
    });
    recordAudit(tx, actor.viewer, { action: 'member.award', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { kind: input.kind, discipline: input.discipline ?? null } });
    await tx.flush();
    return entry;
  });
}

export async function addCare(
  em: EntityManager,
  actor: Actor,
  input: { memberId: number; kind: CareKind; happenedOn: string; by: string; amountFen?: number | null; note?: string | null },
): Promise<MemberCare> {
  const me = requireUser(actor.viewer);
  const happenedOn = pastDate(input.happenedOn, 'happenedOn');
  const by = plainLine(input.by, 'by', 100, true);
  if (input.amountFen != null && (!Number.isInteger(input.amountFen) || input.amountFen <= 0)) throw badInput('An amount in yuan, more than nothing.', 'amount');
  return em.transactional(async (tx) => {
    const member = await loadManageable(tx, actor, input.memberId);
    const entry = tx.create(MemberCare, { enterprise: member.enterprise.id, member: member.id, kind: input.kind, happenedOn, by, amountFen: input.amountFen ?? null, note: input.note ? plainText(input.note, 'note', 500) : null, recordedBy: me.userId });
    recordAudit(tx, actor.viewer, { action: 'member.care', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { kind: input.kind } });
    await tx.flush();
    return entry;
  });
}

/** Whether a member is under 留党察看 on a day (they may not vote or stand; nor be a 介绍人). */
/** The same rule in SQL for set-based reads: `member` names the member id column; binds the day twice. */
export const underProbationSql = (member: string) =>
  `exists (select 1 from member_award a where a.member_id = ${member} and a.discipline = 'PROBATION' and a.decided_on <= ?::date and a.until > ?::date)`;

export async function underProbation(em: EntityManager, memberId: number, day = chinaToday()): Promise<boolean> {
  const found = await em.count(MemberAward, { member: memberId, discipline: Discipline.PROBATION, decidedOn: { $lte: day }, until: { $gt: day } });
  return found > 0;
}
