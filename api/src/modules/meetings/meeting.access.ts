/**
 * Who reads a meeting, in SQL (DOMAIN-RULES §6; issue: 支委会 records to the committee and the
 * admins above; 大会 and 党课 records to the branch's members): readers of the organisation's
 * life (its admins and reviewers, and those above), whoever was invited, the committee's current
 * post holders for its own meetings, and the branch's members for 大会 and 党课. Never public.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { Meeting } from './meeting.entity.js';
import { BRANCH_RECORDS, COMMITTEE_ONLY } from './meeting-types.js';

export function meetingReadFilter(actor: Actor): FilterQuery<Meeting> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readOrganizationalLife', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Meeting>[] = [];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Meeting>);
  if (actor.viewer.kind === 'user') {
    const me = actor.viewer.userId;
    parts.push({
      [raw((a: string) => `exists (select 1 from meeting_attendee x join member m on m.id = x.member_id where x.meeting_id = ${a}.id and m.user_id = ?)`, [me])]: true,
    } as FilterQuery<Meeting>);
    parts.push({
      type: { $in: [...COMMITTEE_ONLY] },
      [raw((a: string) => `exists (select 1 from member_post p join member m on m.id = p.member_id where p.organization_id = ${a}.organization_id and p.ended_on is null and m.user_id = ?)`, [me])]: true,
    } as FilterQuery<Meeting>);
    parts.push({
      type: { $in: [...BRANCH_RECORDS] },
      [raw(
        (a: string) =>
          `exists (select 1 from member m join organization o on o.id = m.organization_id join organization h on h.id = ${a}.organization_id where m.user_id = ? and m.status = 'NORMAL' and o.path like h.path || '%')`,
        [me],
      )]: true,
    } as FilterQuery<Meeting>);
  }
  return parts.length === 0 ? null : { $or: parts };
}

export const meetingById = defineLoader<number, Meeting | null>(async (ctx, ids) => {
  const access = meetingReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Meeting, { $and: [{ id: { $in: [...ids] } }, access] }), (m) => m.id) : ids.map(() => null);
});

/** Reading a meeting's record lets one fetch its photos and attachments (registered with the media module). */
export async function readsMeetingFile(em: EntityManager, actor: Actor, fileId: string): Promise<boolean> {
  const access = meetingReadFilter(actor);
  return access !== null && (await em.count(Meeting, { $and: [{ attachmentIds: { $contains: [fileId] } }, access] } as FilterQuery<Meeting>)) > 0;
}
