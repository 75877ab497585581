/**
 * 意见建议 (EM 27, 38: listening to members): a member writes to their branch; the branch's
 * secretary or its admins answer, and the member is told. Read by the author and by readers of
 * the branch's organisational life — never public.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { adminsAbove } from '../identity/admins-above.js';
import { User } from '../identity/user.entity.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import { Organization } from '../organizations/organization.entity.js';
import { Suggestion } from './handbook.entity.js';

export const SUGGESTION_MADE = defineNotificationKind<{ name: string; excerpt: string }>({
  kind: 'handbook.suggestion_made',
  label: '党员意见建议',
  title: (p) => `党员意见建议：${p.name}`,
  body: (p) => `${p.name}同志向支部提出意见建议：“${p.excerpt}”。请及时答复。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const SUGGESTION_ANSWERED = defineNotificationKind<{ excerpt: string }>({
  kind: 'handbook.suggestion_answered',
  label: '意见建议已答复',
  title: () => '您的意见建议已答复',
  body: (p) => `支部已答复您的意见建议：“${p.excerpt}”。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

const LINK = '/workspace/suggestions';
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function suggestionReadFilter(actor: Actor): FilterQuery<Suggestion> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readOrganizationalLife', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Suggestion>[] = [];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Suggestion>);
  if (actor.viewer.kind === 'user') {
    const me = actor.viewer.userId;
    parts.push({ member: { user: me } } as FilterQuery<Suggestion>);
    // The branch's secretary in office reads what is addressed to the branch.
    parts.push({
      [raw((a: string) => `exists (select 1 from member_post p join member m on m.id = p.member_id where p.organization_id = ${a}.organization_id and p.post = 'SECRETARY' and p.ended_on is null and m.user_id = ?)`, [me])]: true,
    } as FilterQuery<Suggestion>);
  }
  return parts.length === 0 ? null : { $or: parts };
}

/** Whether the caller answers for the branch: its admins, or its secretary in office. */
export async function answersFor(tx: EntityManager, actor: Actor, organizationId: number): Promise<boolean> {
  if (actor.viewer.kind !== 'user') return false;
  if (await can(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', organizationId)) return true;
  const rows = await tx.execute<{ n: number }[]>(
    `select count(*)::int as n from member_post p join member m on m.id = p.member_id where p.organization_id = ? and p.post = 'SECRETARY' and p.ended_on is null and m.user_id = ?`,
    [organizationId, actor.viewer.userId],
  );
  return (rows[0]?.n ?? 0) > 0;
}

export async function makeSuggestion(em: EntityManager, actor: Actor, text: string): Promise<Suggestion> {
  const me = requireUser(actor.viewer);
  const body = plainText(text, 'body', 2000, true);
  return em.transactional(async (tx) => {
    const member = await tx.findOne(Member, { user: me.userId, status: MemberStatus.NORMAL }, { orderBy: { id: 'desc' } });
    if (!member) throw forbidden('Suggestions to the branch are made by its members.');
    const branch = await tx.findOneOrFail(Organization, member.organization.id);
    const suggestion = tx.create(Suggestion, { enterprise: member.enterprise.id, organization: branch, member, body } as never) as Suggestion;
    await tx.flush();
    const secretaries = await tx.execute<{ user_id: number }[]>(
      `select m.user_id from member_post p join member m on m.id = p.member_id where p.organization_id = ? and p.post = 'SECRETARY' and p.ended_on is null and m.user_id is not null`,
      [branch.id],
    );
    await notify(tx, {
      kind: SUGGESTION_MADE,
      params: { name: member.name, excerpt: excerpt(body) },
      recipients: [...secretaries.map((s) => s.user_id), ...(await adminsAbove(tx, branch.id))],
      enterpriseId: member.enterprise.id,
      organizationId: branch.id,
      link: LINK,
    });
    return suggestion;
  });
}

export async function answerSuggestion(em: EntityManager, actor: Actor, id: number, text: string): Promise<Suggestion> {
  const me = requireUser(actor.viewer);
  const answer = plainText(text, 'answer', 2000, true);
  return em.transactional(async (tx) => {
    const access = suggestionReadFilter(actor);
    const suggestion = access ? await tx.findOne(Suggestion, { $and: [{ id }, access] }) : null;
    if (!suggestion) throw new AppError(ErrorCode.NOT_FOUND, 'The suggestion does not exist.');
    if (!(await answersFor(tx, actor, suggestion.organization.id))) throw forbidden('The branch’s secretary or its admins answer.');
    if (suggestion.answer) throw conflict('The suggestion has been answered.', 'id');
    if (!answer) throw badInput('The answer.', 'answer');
    const user = await tx.findOneOrFail(User, me.userId);
    Object.assign(suggestion, { answer, answeredBy: me.userId, answeredByName: user.displayName, answeredAt: new Date() });
    await tx.flush();
    const author = await tx.findOneOrFail(Member, suggestion.member.id);
    if (author.user) await notify(tx, { kind: SUGGESTION_ANSWERED, params: { excerpt: excerpt(suggestion.body) }, recipients: [author.user.id], enterpriseId: suggestion.enterprise.id, organizationId: suggestion.organization.id, link: LINK });
    return suggestion;
  });
}
