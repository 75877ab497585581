/**
 * 群众意见箱 (issue #18 item 3): anyone sends a suggestion from a portal to its organisation; the
 * organisation's admins take it in hand and answer it, publicly or privately; answered ones the
 * sender allowed are listed on the portal. Never a spam relay: plain text only, links removed
 * from posts of people not signed in, and a budget per network address.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/graphql/errors.js';
import { optionalLine, plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { keysFor } from '../members/member.keys.js';
import { ruleRefusal } from '../members/member.rules.js';
import { notify } from '../notifications/notify.js';
import { adminsAbove } from '../identity/admins-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { Portal } from '../portals/portal.entity.js';
import { MailStatus, MassSuggestion } from './mailbox.entity.js';
import { MAIL_RECEIVED } from './mailbox.notifications.js';

const SOURCE = 'issue #18 §3（群众意见箱：不得成为垃圾信息转发渠道）';
/** Suggestions one network address may send per hour. */
export const PER_ADDRESS_PER_HOUR = 5;
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|top|xyz|info|cc)(?:\/\S*)?/gi;

export interface SuggestionInput {
  subject: string;
  body: string;
  name?: string | null;
  contact?: string | null;
  allowPublic: boolean;
}

export async function sendSuggestion(em: EntityManager, actor: Actor, portalSlug: string, input: SuggestionInput, now = new Date()): Promise<MassSuggestion> {
  const signedIn = actor.viewer.kind === 'user';
  const strip = (text: string) => (signedIn ? text : text.replace(LINK, '[链接已移除]'));
  const subject = strip(plainLine(input.subject, 'subject', 100, true));
  const body = strip(plainText(input.body, 'body', 2000, true));
  const name = optionalLine(input.name, 'name', 50);
  const contact = optionalLine(input.contact, 'contact', 100);
  return em.transactional(async (tx) => {
    const portal = await tx.findOne(Portal, { slug: portalSlug }, { populate: ['organization'] });
    if (!portal) throw notFound('The portal does not exist.');
    const address = keysFor(tx).hash(`mailbox-address:${actor.viewer.ip ?? 'unknown'}`);
    // Serialise one address's posts, so the budget holds under concurrent sends.
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [address]);
    const [recent] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from mass_suggestion where address_hash = ? and created_at > ?`, [address, new Date(now.getTime() - 3600_000)]);
    if (recent!.n >= PER_ADDRESS_PER_HOUR) throw ruleRefusal(`同一网络地址每小时最多提交${PER_ADDRESS_PER_HOUR}条意见，请稍后再试。`, 'mailbox.rateLimit', SOURCE);
    const suggestion = tx.create(MassSuggestion, {
      enterprise: portal.enterprise.id,
      organization: portal.organization.id,
      subject,
      body,
      authorName: name,
      contactSealed: contact ? keysFor(tx).seal(contact) : null,
      author: actor.viewer.kind === 'user' ? actor.viewer.userId : null,
      allowPublic: input.allowPublic,
      addressHash: address,
      createdAt: now,
    } as never) as MassSuggestion;
    await tx.flush();
    await notify(tx, {
      kind: MAIL_RECEIVED,
      params: { subject, organization: portal.organization.$.name },
      recipients: await adminsOf(tx, portal.organization.id),
      enterpriseId: portal.enterprise.id,
      organizationId: portal.organization.id,
      link: '/workspace/mailbox',
    });
    return suggestion;
  });
}

const adminsOf = async (em: EntityManager, organizationId: number) => {
  const own = (await em.execute<{ user_id: number }[]>(`select distinct user_id from membership where organization_id = ? and role = 'ORG_ADMIN'`, [organizationId])).map((r) => r.user_id);
  return own.length ? own : adminsAbove(em, organizationId);
};

/** The suggestions the caller handles or reads: those of organisations whose life it reads. */
export function mailboxFilter(actor: Actor): FilterQuery<MassSuggestion> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readOrganizationalLife', 'Organization');
  if (orgs === null) return null;
  return isUnrestricted(orgs) ? {} : ({ organization: orgs } as FilterQuery<MassSuggestion>);
}

export interface HandleInput {
  status: MailStatus;
  reply?: string | null;
  replyPublic?: boolean | null;
}

/** The organisation's admins take a suggestion in hand, or answer it (publicly or privately); audited. */
export async function handleSuggestion(em: EntityManager, actor: Actor, id: number, input: HandleInput, now = new Date()): Promise<MassSuggestion> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const s = await tx.findOne(MassSuggestion, id);
    if (!s) throw notFound('No such suggestion.');
    await assertCan(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', s.organization.id, 'The suggestion');
    if (input.status === MailStatus.RECEIVED) throw badInput('A suggestion is taken in hand (HANDLING) or answered (ANSWERED).', 'status');
    if (input.status === MailStatus.ANSWERED) {
      const reply = plainText(input.reply, 'reply', 2000, true);
      Object.assign(s, { reply, replyPublic: !!input.replyPublic, repliedBy: me.userId, repliedAt: now, status: MailStatus.ANSWERED });
    } else {
      if (s.status === MailStatus.ANSWERED) throw new AppError(ErrorCode.CONFLICT, 'It is answered already.');
      s.status = MailStatus.HANDLING;
    }
    recordAudit(tx, actor.viewer, { action: `mailbox.${input.status.toLowerCase()}`, subjectType: 'MassSuggestion', subjectId: s.id, organizationId: s.organization.id, enterpriseId: s.enterprise.id });
    await tx.flush();
    return s;
  });
}

/** The sender's contact, whole, for the organisation's admins; each opening audited. */
export async function openContact(em: EntityManager, actor: Actor, s: MassSuggestion): Promise<string | null> {
  if (!s.contactSealed) return null;
  await assertCan(em, actor, 'manageOrganizationalLife', Organization, 'Organization', s.organization.id, 'The suggestion');
  recordAudit(em, actor.viewer, { action: 'mailbox.contactRead', subjectType: 'MassSuggestion', subjectId: s.id, organizationId: s.organization.id, enterpriseId: s.enterprise.id });
  await em.flush();
  return keysFor(em).open(s.contactSealed);
}
