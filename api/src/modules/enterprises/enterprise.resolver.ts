import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { findAuthorised } from '../../core/authz/queries.js';
import { defineLoader } from '../../core/graphql/loaders.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { setAllowedOrigins } from './allowed-origins.js';
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

@ObjectType()
class EnterprisePayload {
  @Field(() => EnterpriseType, { nullable: true }) enterprise?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

/** Which enterprises the caller administers (one query for a page of them). */
const managesEnterprise = defineLoader<number, boolean>(async (ctx, ids) => {
  const managed = new Set((await findAuthorised(ctx, Enterprise, 'Enterprise', { id: { $in: [...ids] } }, {}, 'manageApiClients')).map((e) => e.id));
  return ids.map((id) => managed.has(id));
});

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

  @Query(() => EnterpriseType, { description: 'An enterprise by its slug, if it exists.', nullable: true })
  async enterprise(@Arg('slug', { description: 'The enterprise’s slug.' }) slug: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
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

  @FieldResolver(() => [String], { nullable: true, description: 'Web origins whose browser apps may call the API (CORS); for the enterprise’s top-level admins, null for others.' })
  async allowedOrigins(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<string[] | null> {
    return (await managesEnterprise(ctx).load(enterprise.id)) ? enterprise.allowedOrigins : null;
  }

  @Mutation(() => EnterprisePayload, { description: 'Replaces the web origins allowed to call the API from browsers (top-level admins; at most 20; scheme, host and port only).' })
  enterpriseAllowedOriginsSet(@Arg('enterpriseId', () => ID) enterpriseId: string, @Arg('origins', () => [String], { description: 'Origins such as https://app.example.com (at most 20).' }) origins: string[], @Ctx() ctx: Context): Promise<EnterprisePayload> {
    const local = expectGlobalId(enterpriseId, 'Enterprise', 'enterpriseId');
    return mutate(async () => ({ enterprise: await setAllowedOrigins(ctx.em, ctx, local, origins) }));
  }

  @FieldResolver(() => [PortalType], { description: 'Portal sites of the enterprise and its subsidiaries.' })
  portals(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Portal[]> {
    return portalsOfEnterprise(ctx).load(enterprise.id);
  }
}
