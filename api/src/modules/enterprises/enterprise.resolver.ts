import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { decodeCursor, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { rootsOfEnterprise } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { Portal } from '../portals/portal.entity.js';
import { portalsOfEnterprise } from '../portals/portal.loaders.js';
import { PortalType } from '../portals/portal.types.js';
import { Enterprise } from './enterprise.entity.js';
import { countReadableEnterprises, enterpriseById, findReadableEnterprises } from './enterprise.loaders.js';
import { EnterpriseConnection, EnterpriseType } from './enterprise.types.js';

registerNodeType({ typeName: 'Enterprise', entity: Enterprise, load: (ctx, id) => enterpriseById(ctx).load(id) });

@Resolver(() => EnterpriseType)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: 'Enterprises on the platform, by creation.' })
  enterprises(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Enterprise>> {
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['number']) as [number]),
      keyOf: (e) => [e.id] as [number],
      fetch: (limit, cursor) => findReadableEnterprises(ctx, cursor ? { id: { $gt: cursor[0] } } : {}, { limit }),
      count: () => countReadableEnterprises(ctx, {}),
    });
  }

  @Query(() => EnterpriseType, { nullable: true })
  async enterprise(@Arg('slug') slug: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
    if (slug.length > 64) return null;
    const [found] = await findReadableEnterprises(ctx, { slug: slug.toLowerCase() });
    return found ?? null;
  }

  @FieldResolver(() => ID)
  id(@Root() enterprise: Enterprise): string {
    return toGlobalId('Enterprise', enterprise.id);
  }

  @FieldResolver(() => [OrganizationType], { description: 'Top-level organisations of the enterprise (usually its group Party committee).' })
  rootOrganizations(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Organization[]> {
    return rootsOfEnterprise(ctx).load(enterprise.id);
  }

  @FieldResolver(() => [PortalType], { description: 'Portal sites of the enterprise and its subsidiaries.' })
  portals(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Portal[]> {
    return portalsOfEnterprise(ctx).load(enterprise.id);
  }
}
