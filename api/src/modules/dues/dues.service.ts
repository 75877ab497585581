/**
 * Party dues: a member's base, a branch's month (an item per member, computed by the rules of
 * rate.ts), payments that a retry never counts twice, and hardship reductions approved above.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { loadManageable } from '../members/member.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { DuesBase, DuesChannel, DuesItem, DuesItemStatus, DuesMonth, DuesMonthStatus, DuesPayment } from './dues.entity.js';
import { addMonths, currentMonth, monthsBetween, parseMonth } from './month.js';
import { duesFor, type DuesBaseKind } from './rate.js';
import { standingOf } from './standing.js';
import { rollAdjustment } from './roll.js';
import { duesItemReadFilter } from './dues.access.js';

const SOURCE = 'DOMAIN-RULES §7';

/** Sets a member's base from a month on (a new wage applies from the month it is paid). */
export async function setDuesBase(em: EntityManager, actor: Actor, input: { memberId: number; kind: DuesBaseKind; amountFen: number; fromMonth: string }): Promise<DuesBase> {
  const me = requireUser(actor.viewer);
  const fromMonth = parseMonth(input.fromMonth, 'fromMonth', addMonths(currentMonth(), 1));
  try {
    duesFor(input.kind, input.amountFen);
  } catch (error) {
    throw badInput(`The base does not fit its kind: ${(error as Error).message}.`, 'amount');
  }
  return em.transactional(async (tx) => {
    const member = await loadManageable(tx, actor, input.memberId);
    const base = await tx.upsert(
      DuesBase,
      { enterprise: member.enterprise.id, member: member.id, kind: input.kind, amountFen: input.amountFen, fromMonth, recordedBy: me.userId, recordedAt: new Date() },
      { onConflictFields: ['enterprise', 'member', 'fromMonth'] },
    );
    // The amount is personal (a wage): the audit keeps that it changed, not what it is.
    recordAudit(tx, actor.viewer, { action: 'dues.base', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { kind: input.kind, fromMonth } });
    await tx.flush();
    return base;
  });
}

export interface OpenedMonth {
  month: DuesMonth;
  /** Members on the roll without a base for that month: no item until one is set. */
  missingBase: Member[];
}

/**
 * Opens a branch's month: an item for every member on the roll that month — 预备党员 from the month
 * of the 支部大会 (第八条) — computed from the base in force. Once per branch and month.
 */
export async function openDuesMonth(em: EntityManager, actor: Actor, input: { organizationId: number; month: string }): Promise<OpenedMonth> {
  const me = requireUser(actor.viewer);
  const month = parseMonth(input.month, 'month', currentMonth());
  try {
    return await em.transactional(async (tx) => {
      await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', input.organizationId, 'The organisation');
      const branch = await tx.findOneOrFail(Organization, input.organizationId);
      if (branch.level !== 'BRANCH') throw badInput('Dues are kept by a branch (党支部): open the month there.', 'organizationId');
      const batch = tx.create(DuesMonth, { enterprise: branch.enterprise.id, organization: branch.id, month, openedBy: me.userId });
      await tx.flush();
      const lastDay = `${addMonths(month, 1)}-01`;
      // The branch's own roll, less those paying elsewhere this month, plus those paying here.
      const { guests, away } = await rollAdjustment(tx, branch, month);
      const roll = await tx.getConnection().execute<{ id: number; kind: DuesBaseKind | null; amount_fen: number | null }[]>(
        `select m.id, b.kind, b.amount_fen
           from member m join organization o on o.id = m.organization_id
           left join lateral (select kind, amount_fen from dues_base b where b.member_id = m.id and b.from_month <= ? order by b.from_month desc limit 1) b on true
          where ((o.path like ? and m.enterprise_id = ? and m.id <> all(?::int[])) or m.id = any(?::int[]))
            and m.status = '${MemberStatus.NORMAL}' and m.joined_on < ?::date
          order by m.id`,
        [month, `${branch.path}%`, branch.enterprise.id, `{${away.join(',')}}`, `{${guests.join(',')}}`, lastDay],
        'all',
        tx.getTransactionContext(),
      );
      const items = roll
        .filter((r) => r.kind !== null)
        .map((r) => {
          const { rateBp, dueFen } = duesFor(r.kind!, r.amount_fen!);
          return { member_id: r.id, base_kind: r.kind, base_fen: r.amount_fen, rate_bp: rateBp, due_fen: dueFen };
        });
      if (items.length) {
        await tx.getConnection().execute(
          `insert into dues_item (enterprise_id, month_id, member_id, period, base_kind, base_fen, rate_bp, due_fen, status)
           select ?, ?, member_id, ?, base_kind, base_fen, rate_bp, due_fen, '${DuesItemStatus.UNPAID}'
             from json_to_recordset(?::json) as r(member_id int, base_kind text, base_fen int, rate_bp int, due_fen int)`,
          [branch.enterprise.id, batch.id, month, JSON.stringify(items)],
          'run',
          tx.getTransactionContext(),
        );
      }
      const missing = roll.filter((r) => r.kind === null).map((r) => r.id);
      recordAudit(tx, actor.viewer, { action: 'dues.monthOpen', subjectType: 'Organization', subjectId: branch.id, organizationId: branch.id, enterpriseId: branch.enterprise.id, details: { month, items: items.length, missingBase: missing.length } });
      await tx.flush();
      return { month: batch, missingBase: missing.length ? await tx.find(Member, { id: { $in: missing } }, { orderBy: { name: 'asc' } }) : [] };
    });
  } catch (error) {
    if (uniqueViolation(error, 'dues_month_unique')) throw conflict(`The branch’s dues for ${month} are open already.`, 'month');
    if (uniqueViolation(error, 'dues_item_unique')) throw conflict(`Some members were itemised for ${month} by another branch (they moved): settle that first.`, 'month');
    throw error;
  }
}

/** An item the caller may read: the member's own, one of the records they read, or one of a month they keep the branch of (guests). */
async function readableItem(tx: EntityManager, actor: Actor, itemId: number, lock = false): Promise<DuesItem> {
  const access = duesItemReadFilter(actor);
  const item = access ? await tx.findOne(DuesItem, { $and: [{ id: itemId }, access] }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
  if (!item) throw new AppError(ErrorCode.NOT_FOUND, 'The dues item does not exist.');
  return item;
}

/**
 * Records a payment. The same idempotency key again answers the first payment and counts nothing
 * twice. Members pay their own online; admins of the branch record cash and 代缴 (by proxy).
 */
export async function payDues(
  em: EntityManager,
  actor: Actor,
  input: { itemId: number; amountFen: number; channel: DuesChannel; idempotencyKey: string; proxyName?: string | null },
): Promise<DuesItem> {
  const me = requireUser(actor.viewer);
  const key = input.idempotencyKey.trim();
  if (!/^[\x21-\x7e]{8,80}$/.test(key)) throw badInput('The idempotency key is 8–80 visible ASCII characters (a UUID will do).', 'idempotencyKey');
  if (!Number.isInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > 100_000_000) throw badInput('The amount is a positive number of fen.', 'amount');
  try {
    return await em.transactional(async (tx) => {
      const item = await readableItem(tx, actor, input.itemId, true);
      const earlier = await tx.findOne(DuesPayment, { enterprise: item.enterprise.id, idempotencyKey: key });
      if (earlier) {
        if (earlier.item.id !== item.id || earlier.amountFen !== input.amountFen) throw conflict('That idempotency key was used for another payment.', 'idempotencyKey');
        return item; // a retry: already counted
      }
      const member = await tx.findOneOrFail(Member, item.member.id);
      const own = member.user?.id === me.userId;
      if (input.channel === DuesChannel.ONLINE ? !own : true) {
        // The branch that keeps the month records cash and 代缴 — for a guest, the host.
        const batch = await tx.findOneOrFail(DuesMonth, item.month.id);
        const keeps = (await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', member.organization.id)) || (await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', batch.organization.id));
        if (!keeps) await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', member.organization.id, 'The dues item');
      }
      if (item.status !== DuesItemStatus.UNPAID) throw conflict(`The dues for ${item.period} are ${item.status === DuesItemStatus.PAID ? 'paid' : 'waived'} already.`, 'itemId');
      const owed = item.dueFen - item.reductionFen;
      if (input.amountFen < owed) throw badInput(`The dues for ${item.period} are ${owed} fen; a payment covers them whole.`, 'amount');
      if (monthsBetween(item.period, currentMonth()) > 6) {
        throw ruleRefusal('Dues are paid back (补交) for at most 6 months; older months are for the branch to decide.', 'dues.backPaymentSixMonths', SOURCE);
      }
      const proxyName = input.channel === DuesChannel.PROXY ? plainLine(input.proxyName ?? '', 'proxyName', 50, true) : null;
      tx.create(DuesPayment, { enterprise: item.enterprise.id, item: item.id, amountFen: input.amountFen, channel: input.channel, proxyName, idempotencyKey: key, recordedBy: me.userId });
      item.status = DuesItemStatus.PAID;
      item.paidFen = input.amountFen;
      item.paidAt = new Date();
      recordAudit(tx, actor.viewer, { action: 'dues.pay', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { period: item.period, amountFen: input.amountFen, channel: input.channel } });
      await tx.flush();
      return item;
    });
  } catch (error) {
    // Two retries at once: the second sees the first's key at commit.
    if (uniqueViolation(error, 'dues_payment_idempotency')) return em.fork().findOneOrFail(DuesItem, input.itemId);
    throw error;
  }
}

/** A hardship reduction (第七条): the branch decides, the committee above approves — so its admins record it. */
export async function reduceDues(em: EntityManager, actor: Actor, input: { itemId: number; reductionFen: number; reason: string }): Promise<DuesItem> {
  requireUser(actor.viewer);
  const reason = plainLine(input.reason, 'reason', 200, true);
  return em.transactional(async (tx) => {
    const item = await readableItem(tx, actor, input.itemId, true);
    const member = await tx.findOneOrFail(Member, item.member.id);
    // The committee above the branch that keeps the dues (a 党小组's branch is its parent).
    const batch = await tx.findOneOrFail(DuesMonth, item.month.id);
    const above = (await tx.findOneOrFail(Organization, batch.organization.id)).parent?.id;
    if (!above) throw badInput('The branch has no committee above to approve a reduction.', 'itemId');
    if (!(await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', above))) {
      throw ruleRefusal('A hardship reduction is approved by the Party committee above the branch: its admins record it.', 'dues.reductionApprovedAbove', `${SOURCE}, 党费规定（中组发〔2008〕3号）第七条`);
    }
    if (item.status !== DuesItemStatus.UNPAID) throw conflict(`The dues for ${item.period} are settled already.`, 'itemId');
    if (!Number.isInteger(input.reductionFen) || input.reductionFen <= 0 || input.reductionFen > item.dueFen) throw badInput(`A reduction is from 1 fen to the whole ${item.dueFen} fen.`, 'reduction');
    item.reductionFen = input.reductionFen;
    item.reductionReason = reason;
    if (input.reductionFen === item.dueFen) item.status = DuesItemStatus.EXEMPT;
    recordAudit(tx, actor.viewer, { action: 'dues.reduce', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { period: item.period, reductionFen: input.reductionFen } });
    await tx.flush();
    return item;
  });
}

/** Settles a month: nothing more is itemised; unpaid items stay owed (and count as arrears). */
export async function settleDuesMonth(em: EntityManager, actor: Actor, monthId: number): Promise<DuesMonth> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const batch = await tx.findOne(DuesMonth, monthId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!batch) throw new AppError(ErrorCode.NOT_FOUND, 'The dues month does not exist.');
    await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', batch.organization.id, 'The dues month');
    if (batch.status === DuesMonthStatus.SETTLED) return batch;
    batch.status = DuesMonthStatus.SETTLED;
    batch.settledAt = new Date();
    recordAudit(tx, actor.viewer, { action: 'dues.monthSettle', subjectType: 'Organization', subjectId: batch.organization.id, organizationId: batch.organization.id, enterpriseId: batch.enterprise.id, details: { month: batch.month } });
    await tx.flush();
    return batch;
  });
}

/** 党费交至: the month every month up to which is paid or waived (what a transfer letter records). */
export async function paidUpToOf(em: EntityManager, memberId: number): Promise<string | null> {
  const items = await em.find(DuesItem, { member: memberId }, { fields: ['period', 'status'] });
  return standingOf(items.map((i) => ({ period: i.period, settled: i.status !== DuesItemStatus.UNPAID })), currentMonth(), 3).paidUpTo;
}
