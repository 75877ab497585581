/** Live sources shared by content kinds' subscriptions (see core/events/bus.ts). */
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { findReadablePortals } from '../portals/portal.loaders.js';
import type { Content } from './content.entity.js';
import type { ContentKind } from './content-enums.js';
import { contentById } from './content.loaders.js';

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
      const item = await contentById(ctx).load(event.id);
      if (!item || !kinds.includes(item.kind)) return null;
      const owner = await organizationById(ctx).load(item.organization.id);
      return owner?.path.startsWith(portalPath) ? item : null;
    },
  );
}
