/**
 * Member records in SQL: which rows a caller reads (admins and reviewers of the member's branch or
 * above, and the member themself), and for which the personal data comes back whole (the admins,
 * and the member). Every whole read is audited, once per record and request.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/authz/ability.js';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from './member.entity.js';

const myUserId = (actor: Actor) => (actor.viewer.kind === 'user' ? actor.viewer.userId : null);

function filterFor(actor: Actor, action: 'readMemberRecords' | 'manageMemberRecords'): FilterQuery<Member> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, action, 'Organization');
  if (isUnrestricted(orgs)) return {};
  const me = myUserId(actor);
  const parts: FilterQuery<Member>[] = [];
  if (me !== null) parts.push({ user: me });
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Member>);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { $or: parts };
}

/** Rows the caller may read at all. */
export const memberReadFilter = (actor: Actor) => filterFor(actor, 'readMemberRecords');
/** Rows whose personal data the caller may see whole (and change). */
export const memberUnmaskFilter = (actor: Actor) => filterFor(actor, 'manageMemberRecords');

export const memberById = defineLoader<number, Member | null>(async (ctx, ids) => {
  const access = memberReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Member, { $and: [{ id: { $in: [...ids] } }, access] }), (m) => m.id) : ids.map(() => null);
});

/** Whether the caller sees a record's personal data whole. */
export const unmasked = defineLoader<number, boolean>(async (ctx, ids) => {
  const access = memberUnmaskFilter(ctx);
  const rows = access ? await ctx.em.find(Member, { $and: [{ id: { $in: [...ids] } }, access] }, { fields: ['id'] }) : [];
  const allowed = new Set(rows.map((m) => m.id));
  return ids.map((id) => allowed.has(id));
});

/** Records that a caller read these records' personal data whole: one audit row each, one statement. */
export async function recordUnmaskedReads(em: EntityManager, viewer: Viewer, ids: readonly number[], via: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  await em.getConnection().execute(
    `insert into audit_event (action, actor_user_id, subject_type, subject_id, organization_id, enterprise_id, ip, details)
     select 'member.unmask', ?, 'Member', m.id::text, m.organization_id, m.enterprise_id, ?, ?::jsonb from member m where m.id = any(?::int[])`,
    [viewer.kind === 'user' ? viewer.userId : null, viewer.ip, via ? JSON.stringify({ via }) : null, `{${ids.join(',')}}`],
    'run',
    em.getTransactionContext(),
  );
}

/** Each record read whole in a request is audited once, whatever fields were read. */
export const auditUnmasked = defineLoader<number, true>(async (ctx: Context, ids) => {
  await recordUnmaskedReads(ctx.em, ctx.viewer, ids);
  return ids.map(() => true as const);
});

/** Whether the caller reads the member records of each organisation's subtree (one statement per batch). */
export const readsMembersOf = defineLoader<number, boolean>(async (ctx, ids) => {
  const where = accessibleWhere<Organization>(ctx.ability, 'readMemberRecords', 'Organization');
  if (where === null) return ids.map(() => false);
  if (isUnrestricted(where)) return ids.map(() => true);
  const readable = new Set((await ctx.em.find(Organization, { $and: [{ id: { $in: [...ids] } }, where] }, { fields: ['id'] })).map((o) => o.id));
  return ids.map((id) => readable.has(id));
});

/**
 * A member's name only, without the record's read rule: for rows whose own rule already admitted
 * the caller and that carry the name as part of what they are (a transfer's letter, a mobile
 * member's registration seen by the host).
 */
export const memberNameById = defineLoader<number, string | null>(async (ctx, ids) => {
  const rows = await ctx.em.getConnection().execute<{ id: number; name: string }[]>('select id, name from member where id = any(?::int[])', [`{${ids.join(',')}}`]);
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? null);
});
