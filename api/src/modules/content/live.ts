/** Live sources shared by content kinds' subscriptions (see core/events/bus.ts). */
import type { DomainEvent } from '../../core/events/bus.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { findReadablePortals } from '../portals/portal.loaders.js';
import type { Content } from './content.entity.js';
import type { ContentKind } from './content-enums.js';
import { contentById } from './content.loaders.js';

/** The item of an event, if the caller may read it, it is of `kinds` and it belongs to the portal's subtree. */
async function shownOnPortal(ctx: Context, id: string, portalPath: string, kinds: readonly ContentKind[]): Promise<Content | null> {
  const item = await contentById(ctx).load(id);
  if (!item || !kinds.includes(item.kind)) return null;
  const owner = await organizationById(ctx).load(item.organization.id);
  return owner?.path.startsWith(portalPath) ? item : null;
}

/**
 * Anonymous subscribers all read alike (one ability, whatever their address): one look-up per
 * event, portal and kinds serves every one of them in the process — the bus hands each listener
 * the same event object, so it keys the memo and the memo goes with it.
 */
const anonymousLookups = new WeakMap<DomainEvent, Map<string, Promise<Content | null>>>();

/** Items of `kinds` published in a portal's organisation subtree, that the subscriber may read. */
export function publishedOnPortal(ctx: Context, portalSlug: string, kinds: readonly ContentKind[]): AsyncIterableIterator<Content> {
  return filterMap(
    ctx.bus,
    async () => {
      const [portal] = await findReadablePortals(ctx, { slug: portalSlug });
      const org = portal && (await organizationById(ctx).load(portal.organization.id));
      if (!org) throw notFound('The portal does not exist.');
      return org.path;
    },
    async (event, portalPath) => {
      if (event.type !== 'content.published' || !kinds.includes(event.kind)) return null;
      ctx.renew();
      if (ctx.viewer.kind !== 'anonymous') return shownOnPortal(ctx, event.id, portalPath, kinds);
      const byPortal = anonymousLookups.get(event) ?? new Map<string, Promise<Content | null>>();
      anonymousLookups.set(event, byPortal);
      const key = `${portalPath}|${[...kinds].sort().join(',')}`;
      let found = byPortal.get(key);
      if (!found) {
        found = shownOnPortal(ctx, event.id, portalPath, kinds);
        byPortal.set(key, found);
      }
      return found;
    },
  );
}
