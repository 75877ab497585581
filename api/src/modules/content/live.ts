/** Live sources shared by content kinds' subscriptions (see core/events/bus.ts). */
import { abilityKey } from '../../core/authz/ability.js';
import type { DomainEvent } from '../../core/events/bus.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { findReadablePortals } from '../portals/portal.loaders.js';
import type { ContentView } from './content-view.js';
import type { ContentKind } from './content-enums.js';
import { contentById } from './content.loaders.js';

/** The item of an event, if the caller may read it and it is of `kinds`. */
async function readable(ctx: Context, id: string, kinds: readonly ContentKind[]): Promise<ContentView | null> {
  const item = await contentById(ctx).load(id);
  return item && kinds.includes(item.kind) ? item : null;
}

/**
 * The path of an event's owner organisation, once per event: where an item sits in the tree is
 * not a secret of the item (whether the subscriber may read the item is asked apart), so every
 * subscriber's portal check shares one look-up.
 */
const ownerPaths = new WeakMap<DomainEvent, Promise<string | null>>();
function ownerPath(ctx: Context, event: DomainEvent & { organizationId: number }): Promise<string | null> {
  let path = ownerPaths.get(event);
  if (!path) {
    // The logger context goes along (a raw statement does not take it from the fork): counted as the subscription's.
    path = ctx.em.execute<{ path: string }[]>('select path from organization where id = ?', [event.organizationId], 'all', ctx.em.getLoggerContext()).then(([row]) => row?.path ?? null);
    ownerPaths.set(event, path);
  }
  return path;
}

/**
 * Subscribers with the same ability read alike: one look-up per event, ability, portal and kinds
 * serves every one of them in the process (anonymous visitors all share one; signed-in people
 * with the same grants another). The author reads their own item whatever its visibility, so for
 * them the look-up is their own. The bus hands each listener the same event object, so it keys the
 * memo and the memo goes with it.
 */
const lookups = new WeakMap<DomainEvent, Map<string, Promise<ContentView | null>>>();

/** Items of `kinds` published in a portal's organisation subtree, that the subscriber may read. */
export function publishedOnPortal(ctx: Context, portalSlug: string, kinds: readonly ContentKind[]): AsyncIterableIterator<ContentView> {
  const sharedKey = `${abilityKey(ctx.viewer)}|${[...kinds].sort().join(',')}`;
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
      ctx.renew(); // the payload's own fields resolve with this subscriber's loaders and rules of now
      if (!(await ownerPath(ctx, event))?.startsWith(portalPath)) return null;
      const viewer = ctx.viewer;
      const own = viewer.kind === 'user' && viewer.userId === event.authorId;
      const key = `${own ? `author:${viewer.userId}` : sharedKey}|${portalPath}`;
      const shared = lookups.get(event) ?? new Map<string, Promise<ContentView | null>>();
      lookups.set(event, shared);
      let found = shared.get(key);
      if (!found) {
        found = readable(ctx, event.id, kinds);
        shared.set(key, found);
      }
      return found;
    },
  );
}
