import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findAuthorised } from '../../core/authz/queries.js';
import { defineLoader } from '../../core/graphql/loaders.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
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
import { normaliseHost, publishedTheme, saveTheme, SLUG_PATTERN } from './portal.service.js';
import { DEFAULT_THEME, type Theme } from './theme.js';
import { PortalPayload, PortalThemeInput, PortalThemeType, PortalType } from './portal.types.js';

/** Portals whose theme the caller edits: admins at or above the portal's organisation. */
const editsTheme = defineLoader<number, boolean>(async (ctx, orgIds) => {
  const editable = new Set((await findAuthorised(ctx, Organization, 'Organization', { id: { $in: [...orgIds] } }, {}, 'update')).map((o) => o.id));
  return orgIds.map((id) => editable.has(id));
});

registerNodeType({ typeName: 'Portal', entity: Portal, load: (ctx, id) => portalById(ctx).load(id) });

@Resolver(() => PortalType)
export class PortalResolver {
  @Query(() => PortalType, { nullable: true, description: 'A portal by its slug (as in /p/<slug>/).' })
  async portal(@Arg('slug', { description: 'The portal’s slug, as in `/p/<slug>/`.' }) slug: string, @Ctx() ctx: Context): Promise<Portal | null> {
    if (!SLUG_PATTERN.test(slug)) return null;
    const [found] = await findReadablePortals(ctx, { slug });
    return found ?? null;
  }

  @Query(() => PortalType, {
    nullable: true,
    description: 'The portal that serves a host name (as sent in the Host header; case, port and a trailing dot are ignored).',
  })
  async portalByHost(@Arg('host', { description: 'The host name.' }) host: string, @Ctx() ctx: Context): Promise<Portal | null> {
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

  @FieldResolver(() => PortalThemeType, { description: 'The published theme.' })
  theme(@Root() portal: Portal): Theme {
    return publishedTheme(portal);
  }

  @FieldResolver(() => PortalThemeType, { nullable: true, description: 'The saved, unpublished theme, for preview: for the portal organisation’s admins (null for others, or when there is none).' })
  async themeDraft(@Root() portal: Portal, @Ctx() ctx: Context): Promise<Theme | null> {
    if (!portal.themeDraft || !(await editsTheme(ctx).load(portal.organization.id))) return null;
    return { ...DEFAULT_THEME, ...portal.themeDraft };
  }

  @Mutation(() => PortalPayload, {
    description: 'Saves a portal’s theme as a draft to preview, or publishes it (`publish: true`). For the admins of the portal’s organisation and above. Colour pairs below WCAG AA contrast are refused.',
  })
  portalThemeSave(
    @Arg('portalId', () => ID) portalId: string,
    @Arg('input', () => PortalThemeInput) input: PortalThemeInput,
    @Arg('publish', () => Boolean, { description: 'Publish it now, or keep it as a draft to preview.', defaultValue: false }) publish: boolean,
    @Ctx() ctx: Context,
  ): Promise<PortalPayload> {
    const local = expectGlobalId(portalId, 'Portal', 'portalId');
    return mutate(async () => ({ portal: await saveTheme(ctx.em, ctx, local, input as Partial<Theme>, publish) }));
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise it belongs to.' })
  enterprise(@Root() portal: Portal, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(portal.enterprise.id);
  }
}
