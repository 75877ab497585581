/**
 * Who may *use* a resource (download its files, see its full details), on top of seeing it:
 *  - OPEN: whoever may read it;
 *  - ON_REQUEST: its author and the editors, reviewers and admins at or above the owner, and
 *    signed-in members of an organisation whose request was approved (or of its subtree) while the
 *    approval lasts. Anonymous callers and API keys use OPEN resources only.
 * Asked of the database for a batch of items the caller already may read.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import { Content } from '../content/content.entity.js';
import { pathIds } from '../organizations/organization.entity.js';
import { RequestStatus, ResourceAccess } from './resource-enums.js';
import { ResourceRequest, SharedResource } from './resource.entity.js';

/** Approved and not expired, for one of these organisations. */
export const activeGrantWhere = (organizationIds: number[], now = new Date()) => ({
  organization: { $in: organizationIds },
  status: RequestStatus.APPROVED,
  $or: [{ accessUntil: null }, { accessUntil: { $gt: now } }],
});

export async function usableResources(em: EntityManager, actor: Actor, contentIds: readonly string[]): Promise<Set<string>> {
  const usable = new Set<string>();
  if (contentIds.length === 0) return usable;
  const rows = await em.find(SharedResource, { content: { $in: [...contentIds] } });
  const onRequest: string[] = [];
  for (const r of rows) (r.access === ResourceAccess.OPEN ? usable.add(String(r.content.id)) : onRequest.push(String(r.content.id)));
  if (onRequest.length === 0 || actor.viewer.kind !== 'user') return usable;

  const ownerSide = await findAuthorised({ em, ability: actor.ability }, Content, 'Content', { id: { $in: onRequest } }, {}, 'readHistory');
  for (const c of ownerSide) usable.add(String(c.id));
  const myOrgs = [...new Set(actor.viewer.grants.flatMap((g) => pathIds(g.path)))];
  const rest = onRequest.filter((id) => !usable.has(id));
  if (rest.length && myOrgs.length) {
    const grants = await em.find(ResourceRequest, { content: { $in: rest }, ...activeGrantWhere(myOrgs) });
    for (const g of grants) usable.add(String(g.content.id));
  }
  return usable;
}
