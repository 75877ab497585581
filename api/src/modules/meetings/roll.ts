/**
 * Who is invited to a meeting, derived from the organisation on the day (§6 b): the committee's
 * current post holders for its own meetings; otherwise every member in good standing of the
 * organisation's subtree, and the 流动党员 staying with it (guests, never voting). Full members
 * vote, except those under 留党察看 (DOMAIN-RULES §2); those the higher organisation excused on the
 * day are flagged (left out of 应到 and ratios).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { underProbationSql } from '../members/history.service.js';
import type { Organization } from '../organizations/organization.entity.js';
import { COMMITTEE_ONLY, type MeetingType } from './meeting-types.js';

export interface RollEntry {
  memberId: number;
  voting: boolean;
  guest: boolean;
  excused: boolean;
}

/** A vote: a full member not under 留党察看 on the day. */
const VOTES = `m.category = 'FULL' and not ${underProbationSql('m.id')}`;
const EXCUSED = `exists (select 1 from life_exemption e where e.member_id = m.id and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date))`;

export async function invitedRoll(tx: EntityManager, org: Organization, type: MeetingType, on: string): Promise<RollEntry[]> {
  const conn = tx.getConnection();
  const ctx = tx.getTransactionContext();
  const rows = COMMITTEE_ONLY.includes(type)
    ? await conn.execute<{ id: number; votes: boolean; guest: boolean; excused: boolean }[]>(
        `select distinct m.id, ${VOTES} as votes, false as guest, ${EXCUSED} as excused
           from member_post p join member m on m.id = p.member_id
          where p.organization_id = ? and p.ended_on is null and m.status = 'NORMAL'`,
        [on, on, on, on, org.id],
        'all',
        ctx,
      )
    : await conn.execute<{ id: number; votes: boolean; guest: boolean; excused: boolean }[]>(
        `select m.id, ${VOTES} as votes, false as guest, ${EXCUSED} as excused
           from member m join organization o on o.id = m.organization_id
          where o.path like ? and m.status = 'NORMAL'
         union
         select m.id, false, true, false
           from mobile_registration r join organization h on h.id = r.host_organization_id join member m on m.id = r.member_id
          where r.status = 'AT_HOST' and h.path like ? and m.status = 'NORMAL'`,
        [on, on, on, on, `${org.path}%`, `${org.path}%`],
        'all',
        ctx,
      );
  // A member of the subtree who is also a guest in it (away within it) is on the roll as a member.
  const byId = new Map<number, RollEntry>();
  for (const r of rows) if (!byId.has(r.id) || !r.guest) byId.set(r.id, { memberId: r.id, voting: r.votes && !r.guest, guest: r.guest, excused: r.excused });
  return [...byId.values()].sort((a, b) => a.memberId - b.memberId);
}
