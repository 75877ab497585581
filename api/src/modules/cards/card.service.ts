/**
 * E-member cards (电子党员活动证): one current card per member, signed with the platform's current
 * key; verified anywhere by its token, against the database — so a revocation (a reissue), a
 * transfer out or a 党籍 change takes effect at once in every API process.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireUser, type Actor } from '../../core/authz/check.js';
import { forbidden } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { keysFor } from '../members/member.keys.js';
import { chinaToday, uniqueViolation, yearsLater } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { CardSigningKey, MemberCard } from './card.entity.js';
import { newKeyPair, parseToken, privateKeyFrom, publicKeyFrom, signToken, verifySignature } from './token.js';

/** How long a card is valid (then it is reissued). */
export const CARD_YEARS = 3;

export const CardStatus = { VALID: 'VALID', INVALID: 'INVALID', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' } as const;
export type CardStatus = (typeof CardStatus)[keyof typeof CardStatus];

/** The key new cards are signed with: the newest not retired (one is made on first use). */
async function currentKey(tx: EntityManager): Promise<CardSigningKey> {
  const [key] = await tx.find(CardSigningKey, { retiredAt: null }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (key) return key;
  // Two processes making the first key at once: the advisory lock lets one; the other finds it.
  await tx.execute('select pg_advisory_xact_lock(?)', [0x63617264]);
  const [again] = await tx.find(CardSigningKey, { retiredAt: null }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (again) return again;
  return makeKey(tx);
}

async function makeKey(tx: EntityManager): Promise<CardSigningKey> {
  const pair = newKeyPair();
  const key = tx.create(CardSigningKey, { id: randomBytes(6).toString('base64url'), publicKey: pair.publicKey, privateKeySealed: keysFor(tx).seal(pair.privateKey) });
  await tx.flush();
  return key;
}

export function tokenOf(em: EntityManager, card: MemberCard, key: CardSigningKey): string {
  return signToken({ cardId: card.id, keyId: key.id, expiresOn: card.expiresOn }, privateKeyFrom(keysFor(em).open(key.privateKeySealed)));
}

/** The member's current card, issued now if they have none (or it expired). */
export async function currentCard(em: EntityManager, member: Member): Promise<MemberCard> {
  const today = chinaToday();
  const found = await em.findOne(MemberCard, { member: member.id, revokedAt: null });
  if (found && found.expiresOn >= today) return found;
  try {
    return await em.transactional(async (tx) => {
      if (found) tx.assign(await tx.findOneOrFail(MemberCard, found.id), { revokedAt: new Date(), revokeReason: '到期换发' });
      await tx.flush();
      const key = await currentKey(tx);
      const card = tx.create(MemberCard, { enterprise: member.enterprise.id, member: member.id, issuedOn: today, expiresOn: yearsLater(today, CARD_YEARS), key } as never) as MemberCard;
      await tx.flush();
      return card;
    });
  } catch (error) {
    // Two first views at once: the other made it.
    if (uniqueViolation(error, 'member_card_one_current')) return em.findOneOrFail(MemberCard, { member: member.id, revokedAt: null });
    throw error;
  }
}

/** 补发: the admins who keep the record revoke the current card and issue a new one. */
export async function reissueCard(em: EntityManager, actor: Actor, member: Member, reason: string): Promise<MemberCard> {
  requireUser(actor.viewer);
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(MemberCard, { member: member.id, revokedAt: null }, { revokedAt: new Date(), revokeReason: reason });
    recordAudit(tx, actor.viewer, { action: 'card.reissue', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { reason } });
    await tx.flush();
  });
  return currentCard(em, member);
}

/** Retires the signing key: new cards get a new one; cards signed before still verify until they expire. */
export async function rotateCardKey(em: EntityManager, actor: Actor): Promise<CardSigningKey> {
  const me = requireUser(actor.viewer);
  if (!me.isPlatformAdmin) throw forbidden('The card signing key is kept by the platform’s administrators.');
  return em.transactional(async (tx) => {
    await tx.nativeUpdate(CardSigningKey, { retiredAt: null }, { retiredAt: new Date() });
    const key = await makeKey(tx);
    recordAudit(tx, actor.viewer, { action: 'card.keyRotate', subjectType: 'CardSigningKey', subjectId: key.id });
    await tx.flush();
    return key;
  });
}

export interface Verification {
  status: CardStatus;
  name: string | null;
  organization: string | null;
  memberStatus: MemberStatus | null;
  expiresOn: string | null;
}

const NONE: Verification = { status: CardStatus.INVALID, name: null, organization: null, memberStatus: null, expiresOn: null };

/** What a scan may learn: valid / invalid / expired / revoked, and name, branch and status only. */
export async function verifyCard(em: EntityManager, token: string): Promise<Verification> {
  return (await cardHolder(em, token)).shown;
}

/**
 * A card's holder, for those who act on a scan (a recorder signing a member into a meeting): the
 * verification and, when the signature holds, the member it names.
 */
export async function cardHolder(em: EntityManager, token: string): Promise<{ shown: Verification; member: Member | null }> {
  const claims = parseToken(token.slice(0, 200));
  if (!claims) return { shown: NONE, member: null };
  const key = await em.findOne(CardSigningKey, claims.keyId);
  if (!key || !verifySignature(claims, publicKeyFrom(key.publicKey))) return { shown: NONE, member: null };
  const card = await em.findOne(MemberCard, claims.cardId);
  if (!card || card.key.id !== key.id || card.expiresOn !== claims.expiresOn) return { shown: NONE, member: null };
  const member = await em.findOneOrFail(Member, card.member.id);
  const org = await em.findOneOrFail(Organization, member.organization.id);
  const shown = { name: member.name, organization: org.name, memberStatus: member.status, expiresOn: card.expiresOn };
  if (card.revokedAt || member.status !== MemberStatus.NORMAL) return { shown: { ...shown, status: CardStatus.REVOKED }, member };
  if (card.expiresOn < chinaToday()) return { shown: { ...shown, status: CardStatus.EXPIRED }, member };
  return { shown: { ...shown, status: CardStatus.VALID }, member };
}

