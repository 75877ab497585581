/**
 * Who reads a transfer, in SQL: the sending side (readers of the member's records: the branch's
 * admins and reviewers and above), the receiving side once the letter is issued (readers of the
 * receiving organisation's records — in another enterprise too: the handshake), and the member.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { Transfer } from './transfer.entity.js';
import { TransferStatus } from './states.js';

/** From the letter on, the receiving organisation takes part. */
export const VISIBLE_TO_RECEIVER: TransferStatus[] = [TransferStatus.ISSUED, TransferStatus.RECEIVED, TransferStatus.REPORTED, TransferStatus.ARCHIVED];

export function transferReadFilter(actor: Actor): FilterQuery<Transfer> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readMemberRecords', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Transfer>[] = [];
  if (orgs !== null) {
    parts.push({ fromOrganization: orgs } as FilterQuery<Transfer>);
    parts.push({ toOrganization: orgs, status: { $in: VISIBLE_TO_RECEIVER } } as FilterQuery<Transfer>);
  }
  if (actor.viewer.kind === 'user') parts.push({ member: { user: actor.viewer.userId } }, { receivedMember: { user: actor.viewer.userId } });
  return parts.length === 0 ? null : { $or: parts };
}

export const transferById = defineLoader<number, Transfer | null>(async (ctx, ids) => {
  const access = transferReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Transfer, { $and: [{ id: { $in: [...ids] } }, access] }), (t) => t.id) : ids.map(() => null);
});
