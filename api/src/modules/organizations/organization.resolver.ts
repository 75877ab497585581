/** GraphQL adapter for the organisation tree: parses arguments, delegates to loaders and queries. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mutate } from '../../core/graphql/payload.js';
import { archiveOrganization, createOrganization, moveOrganization, updateOrganization } from './organization.service.js';
import { escapeLike } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { enterpriseById } from '../enterprises/enterprise.loaders.js';
import { EnterpriseType } from '../enterprises/enterprise.types.js';
import { portalOfOrganization } from '../portals/portal.loaders.js';
import { PortalType } from '../portals/portal.types.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Portal } from '../portals/portal.entity.js';
import { Organization, pathIds } from './organization.entity.js';
import { childrenOf, countReadableOrganizations, findReadableOrganizations, ORGANIZATION_CLASSES, organizationById, type OrganizationView } from './organization.loaders.js';
import { OrganizationConnection, OrganizationCreateInput, OrganizationPayload, OrganizationType, OrganizationUpdateInput } from './organization.types.js';

registerNodeType({ typeName: 'Organization', entity: ORGANIZATION_CLASSES, load: (ctx, id) => organizationById(ctx).load(id) });

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, { nullable: true, description: 'An organisation by its global id; null when it does not exist or is hidden from you.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(expectGlobalId(id, 'Organization'));
  }

  @FieldResolver(() => ID)
  id(@Root() org: OrganizationView): string {
    return toGlobalId('Organization', org.id);
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise it belongs to.' })
  async enterprise(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(org.enterprise.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The organisation directly above; null for a root (or when hidden from you).' })
  parent(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return org.parent ? organizationById(ctx).load(org.parent.id) : null;
  }

  @FieldResolver(() => [OrganizationType], { description: 'Organisations directly below, by sort order.' })
  children(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<Organization[]> {
    return childrenOf(ctx).load(org.id);
  }

  @FieldResolver(() => [OrganizationType], { description: 'Organisations above this one, from the root down to the parent.' })
  async ancestors(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<Organization[]> {
    const ids = pathIds(org.path).slice(0, -1);
    const found = await organizationById(ctx).loadMany(ids);
    return found.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }

  @FieldResolver(() => OrganizationConnection, {
    description: 'Every organisation below this one, in tree order (pre-order: each organisation is followed by its own subtree).',
  })
  descendants(
    @Root() org: OrganizationView,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('nameContains', () => String, { nullable: true, description: 'Only those whose name contains this (up to 50 characters): finding a branch in a large tree.' }) nameContains: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Organization>> {
    const words = (nameContains ?? '').trim().slice(0, 50);
    // The subtree's path prefix narrows the scan (organization_path_unique); the name is matched within it.
    const below = { path: { $like: `${org.path}%` }, id: { $ne: org.id }, ...(words ? { name: { $like: `%${escapeLike(words)}%` } } : {}) };
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (o) => [o.path] as [string],
      fetch: (limit, cursor) =>
        findReadableOrganizations(ctx, cursor ? { ...below, path: { $like: `${org.path}%`, $gt: cursor[0] } } : below, {
          orderBy: { path: 'asc' },
          limit,
        }),
      count: () => countReadableOrganizations(ctx, below),
    });
  }

  @FieldResolver(() => PortalType, { nullable: true, description: 'The portal site bound to this organisation, if it has one.' })
  portal(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<Portal | null> {
    return portalOfOrganization(ctx).load(org.id);
  }

  @Mutation(() => OrganizationPayload, { description: 'Creates an organisation under one you administer.' })
  organizationCreate(@Arg('input') input: OrganizationCreateInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    const parentId = expectGlobalId(input.parentId, 'Organization', 'parentId');
    return mutate(async () => ({
      organization: await createOrganization(ctx.em, ctx, { parentId, name: input.name, level: input.level, sortOrder: input.sortOrder ?? 0 }),
    }));
  }

  @Mutation(() => OrganizationPayload, { description: 'Renames or reorders an organisation you administer.' })
  organizationUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: OrganizationUpdateInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    const orgId = expectGlobalId(id, 'Organization');
    return mutate(async () => ({ organization: await updateOrganization(ctx.em, ctx, orgId, input) }));
  }

  @Mutation(() => OrganizationPayload, {
    description: 'Moves an organisation, with its subtree, under another parent in the same enterprise. Both must be inside a subtree you administer, strictly below your own organisation.',
  })
  organizationMove(@Arg('id', () => ID) id: string, @Arg('parentId', () => ID, { description: 'The new parent.' }) parentId: string, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    const orgId = expectGlobalId(id, 'Organization');
    const newParentId = expectGlobalId(parentId, 'Organization', 'parentId');
    return mutate(async () => ({ organization: await moveOrganization(ctx.em, ctx, orgId, newParentId) }));
  }

  @Mutation(() => OrganizationPayload, { description: 'Archives an organisation and its subtree (strictly below your own organisation).' })
  organizationArchive(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    const orgId = expectGlobalId(id, 'Organization');
    return mutate(async () => ({ organization: await archiveOrganization(ctx.em, ctx, orgId) }));
  }
}
