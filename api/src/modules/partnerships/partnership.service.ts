/**
 * 共建 between enterprises: one side's top-level admins propose, the other's accept or decline,
 * either side ends it. Activating writes both directions of `PartnerLink`, ending deletes them,
 * in the same transaction as the status change: PARTNERS content follows at once.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { emit } from '../../core/events/bus.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Partnership, PartnershipStatus, PartnerLink } from './partnership.entity.js';
import { announcePartnership } from './partnership.notifications.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** A partnership was proposed, accepted, declined, ended or withdrawn. */
    'partnership.changed': { id: number; status: PartnershipStatus; enterpriseIds: number[] };
  }
}

const MAX_TEXT = 500;

async function record(tx: EntityManager, actor: Actor, p: Partnership, action: string, details: Record<string, unknown> = {}): Promise<void> {
  for (const enterpriseId of [p.proposer.id, p.partner.id]) {
    recordAudit(tx, actor.viewer, { action: `partnership.${action}`, subjectType: 'Partnership', subjectId: p.id, enterpriseId, details: { proposerId: p.proposer.id, partnerId: p.partner.id, ...details } });
  }
  await tx.flush();
  await emit(tx, { type: 'partnership.changed', id: p.id, status: p.status, enterpriseIds: [p.proposer.id, p.partner.id] });
  await announcePartnership(tx, p, action);
}

export async function proposePartnership(em: EntityManager, actor: Actor, fromEnterpriseId: number, toEnterpriseId: number, message?: string | null): Promise<Partnership> {
  const me = requireUser(actor.viewer);
  const text = plainText(message, 'message', MAX_TEXT);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'managePartnerships', Enterprise, 'Enterprise', fromEnterpriseId, 'The enterprise');
    if (fromEnterpriseId === toEnterpriseId) throw badInput('An enterprise cannot partner with itself.', 'partnerEnterpriseId');
    if (!(await tx.findOne(Enterprise, toEnterpriseId))) throw notFound('The partner enterprise does not exist.');
    // Serialise proposals for this pair (the partial unique index is the last line of defence).
    await tx.execute('select pg_advisory_xact_lock(?, ?)', [Math.min(fromEnterpriseId, toEnterpriseId), Math.max(fromEnterpriseId, toEnterpriseId)]);
    const open = await tx.findOne(Partnership, {
      status: { $in: [PartnershipStatus.PROPOSED, PartnershipStatus.ACTIVE] },
      $or: [{ proposer: fromEnterpriseId, partner: toEnterpriseId }, { proposer: toEnterpriseId, partner: fromEnterpriseId }],
    });
    if (open) throw conflict(open.status === PartnershipStatus.ACTIVE ? 'The two enterprises are already partners.' : 'A proposal between the two enterprises is already waiting for an answer.', 'partnerEnterpriseId');
    const p = tx.create(Partnership, { proposer: fromEnterpriseId, partner: toEnterpriseId, status: PartnershipStatus.PROPOSED, message: text, proposedBy: me.userId });
    await tx.flush();
    await record(tx, actor, p, 'propose');
    return p;
  });
}

/**
 * Loads and locks the partnership, after checking the caller manages `side` of it. Outsiders learn
 * nothing (NOT_FOUND); the proposer trying to answer their own proposal is told why not.
 */
async function lockFor(tx: EntityManager, actor: Actor, id: number, side: 'partner' | 'either'): Promise<Partnership> {
  const p = await tx.findOne(Partnership, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!p) throw notFound('The partnership does not exist.');
  const manages = (enterpriseId: number) => can(tx, actor, 'managePartnerships', Enterprise, 'Enterprise', enterpriseId);
  if (await manages(p.partner.id)) return p;
  const proposerSide = await manages(p.proposer.id);
  if (proposerSide && side === 'either') return p;
  if (proposerSide) throw conflict('Only the invited enterprise answers a proposal.');
  throw notFound('The partnership does not exist.');
}

export async function acceptPartnership(em: EntityManager, actor: Actor, id: number): Promise<Partnership> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const p = await lockFor(tx, actor, id, 'partner');
    if (p.status !== PartnershipStatus.PROPOSED) throw conflict(`The partnership is ${p.status.toLowerCase()}; only a proposal can be accepted.`);
    p.status = PartnershipStatus.ACTIVE;
    p.decidedBy = tx.getReference(User, me.userId, { wrapped: true });
    p.decidedAt = new Date();
    tx.create(PartnerLink, { enterprise: p.proposer.id, partner: p.partner.id, partnership: p });
    tx.create(PartnerLink, { enterprise: p.partner.id, partner: p.proposer.id, partnership: p });
    await tx.flush();
    await record(tx, actor, p, 'accept');
    return p;
  });
}

export async function declinePartnership(em: EntityManager, actor: Actor, id: number, reason?: string | null): Promise<Partnership> {
  const me = requireUser(actor.viewer);
  const why = plainText(reason, 'reason', MAX_TEXT);
  return em.transactional(async (tx) => {
    const p = await lockFor(tx, actor, id, 'partner');
    if (p.status !== PartnershipStatus.PROPOSED) throw conflict(`The partnership is ${p.status.toLowerCase()}; only a proposal can be declined.`);
    p.status = PartnershipStatus.DECLINED;
    p.decidedBy = tx.getReference(User, me.userId, { wrapped: true });
    p.decidedAt = new Date();
    p.declineReason = why || null;
    await tx.flush();
    await record(tx, actor, p, 'decline', { reason: why });
    return p;
  });
}

/** Either side ends an active partnership, or withdraws / refuses a pending proposal. */
export async function endPartnership(em: EntityManager, actor: Actor, id: number): Promise<Partnership> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const p = await lockFor(tx, actor, id, 'either');
    if (p.status !== PartnershipStatus.ACTIVE && p.status !== PartnershipStatus.PROPOSED) throw conflict(`The partnership is already ${p.status.toLowerCase()}.`);
    p.status = PartnershipStatus.ENDED;
    p.endedBy = tx.getReference(User, me.userId, { wrapped: true });
    p.endedAt = new Date();
    await tx.nativeDelete(PartnerLink, { partnership: p.id });
    await tx.flush();
    await record(tx, actor, p, 'end');
    return p;
  });
}
