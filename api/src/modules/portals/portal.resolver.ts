import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { enterpriseById } from '../enterprises/enterprise.loaders.js';
import { EnterpriseType } from '../enterprises/enterprise.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { findReadablePortals, hostsOfPortal, portalById } from './portal.loaders.js';
import { Portal } from './portal.entity.js';
import { normaliseHost, SLUG_PATTERN } from './portal.service.js';
import { PortalType } from './portal.types.js';

registerNodeType({ typeName: 'Portal', entity: Portal, load: (ctx, id) => portalById(ctx).load(id) });

@Resolver(() => PortalType)
export class PortalResolver {
  @Query(() => PortalType, { nullable: true, description: 'A portal by its slug (as in /p/<slug>/).' })
  async portal(@Arg('slug') slug: string, @Ctx() ctx: Context): Promise<Portal | null> {
    if (!SLUG_PATTERN.test(slug)) return null;
    const [found] = await findReadablePortals(ctx, { slug });
    return found ?? null;
  }

  @Query(() => PortalType, {
    nullable: true,
    description: 'The portal that serves a host name (as sent in the Host header; case, port and a trailing dot are ignored).',
  })
  async portalByHost(@Arg('host') host: string, @Ctx() ctx: Context): Promise<Portal | null> {
    const normalised = normaliseHost(host);
    if (!normalised) return null;
    const [found] = await findReadablePortals(ctx, { hosts: { host: normalised } });
    return found ?? null;
  }

  @FieldResolver(() => ID)
  id(@Root() portal: Portal): string {
    return toGlobalId('Portal', portal.id);
  }

  @FieldResolver(() => [String], { description: 'Host names that serve this portal.' })
  hostNames(@Root() portal: Portal, @Ctx() ctx: Context): Promise<string[]> {
    return hostsOfPortal(ctx).load(portal.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation whose portal this is.' })
  organization(@Root() portal: Portal, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(portal.organization.id);
  }

  @FieldResolver(() => EnterpriseType)
  enterprise(@Root() portal: Portal, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(portal.enterprise.id);
  }
}
