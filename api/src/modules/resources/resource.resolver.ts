/** GraphQL adapter for 共建共享: the library, requests and their decisions, downloads, live request updates. */
import { CONTENT_CLASSES, type ContentView } from '../content/content-view.js';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireUser } from '../../core/authz/check.js';
import { WORKER_ROLES } from '../../core/authz/roles.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Content } from '../content/content.entity.js';
import { ContentStatus } from '../content/content-enums.js';
import { attachmentsOf, contentFieldsResolver } from '../content/content-fields.resolver.js';
import { expectReadable, readableOfKind } from '../content/content.loaders.js';
import { AttachmentType } from '../content/content.types.js';
import { commonContentWhere } from '../content/filters.js';
import { listContent } from '../content/list.js';
import { coverIdOf } from '../media/media.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { usableResources } from './resource.access.js';
import { ResourceAccess, ResourceKind, SCOPE_OF_VISIBILITY, ShareScope } from './resource-enums.js';
import { ResourceRequest, SharedResource } from './resource.entity.js';
import { closeRequest, createResource, decideRequest, downloadResourceFile, requestResource, updateResource } from './resource.service.js';
import {
  RequestDirection,
  ResourceCreateInput,
  ResourceDownloadPayload,
  ResourceFilter,
  ResourceOrder,
  ResourceRequestConnection,
  ResourceRequestFilter,
  ResourceRequestPayload,
  ResourceRequestType,
  ResourceUpdateInput,
  SharedResourceConnection,
  SharedResourcePayload,
  SharedResourceType,
} from './resource.types.js';
import { RESOURCE_KIND } from './resource.kind.js';

const RESOURCE = RESOURCE_KIND.kind;
const readableResource = (ctx: Context, id: number | string) => readableOfKind(ctx, id, RESOURCE);
const resourceId = (ctx: Context, id: string) => expectReadable(ctx, id, 'SharedResource', RESOURCE, 'The resource');

registerNodeType({ typeName: 'SharedResource', entity: CONTENT_CLASSES, is: (v) => (v as ContentView).kind === RESOURCE, load: (ctx, id) => readableResource(ctx, id) });

const detailsOf = defineLoader<string, SharedResource | null>(async (ctx, ids) =>
  byKey(ids, await ctx.em.find(SharedResource, { content: { $in: [...ids] } }), (r) => String(r.content.id)),
);

const usableByMe = defineLoader<string, boolean>(async (ctx, ids) => {
  const usable = await usableResources(ctx.em, ctx, ids);
  return ids.map((id) => usable.has(id));
});

/**
 * Requests the caller may see: for resources they work on (INCOMING: their author, and the
 * editors, reviewers and admins at or above the owner), and of organisations they work for or
 * made themselves (OUTGOING). Null when none.
 */
function requestsWhere(ctx: Context, direction: RequestDirection | null | undefined): FilterQuery<ResourceRequest> | null {
  if (ctx.viewer.kind !== 'user') return null;
  const parts: FilterQuery<ResourceRequest>[] = [];
  if (direction !== RequestDirection.OUTGOING) {
    const owner = accessibleWhere<Content>(ctx.ability, 'readStatistics', 'Content');
    if (owner !== null) parts.push(isUnrestricted(owner) ? {} : ({ content: owner } as FilterQuery<ResourceRequest>));
  }
  if (direction !== RequestDirection.INCOMING) {
    parts.push({ requestedBy: ctx.viewer.userId });
    for (const grant of ctx.viewer.grants) {
      if (WORKER_ROLES.includes(grant.role)) parts.push({ organization: { path: { $like: `${grant.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } });
    }
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : { $or: parts };
}

const requestById = defineLoader<string, ResourceRequest | null>(async (ctx, ids) => {
  const visible = requestsWhere(ctx, null);
  const rows = visible ? await ctx.em.find(ResourceRequest, { $and: [{ id: { $in: [...ids] } }, visible] } as FilterQuery<ResourceRequest>) : [];
  return byKey(ids, rows, (r) => String(r.id));
});
registerNodeType({ typeName: 'ResourceRequest', entity: ResourceRequest, load: (ctx, id) => requestById(ctx).load(String(id)) });

@Resolver(() => SharedResourceType)
export class SharedResourceResolver extends contentFieldsResolver(SharedResourceType, 'SharedResource') {
  @Query(() => SharedResourceType, { nullable: true, description: 'A shared resource, if it exists and you may see it.' })
  sharedResource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentView | null> {
    return readableResource(ctx, expectGlobalId(id, 'SharedResource'));
  }

  @Query(() => SharedResourceConnection, { description: 'The resource library: resources you may see, yours and your partners’.' })
  async sharedResources(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ResourceFilter, { nullable: true }) filter: ResourceFilter | null,
    @Arg('orderBy', () => ResourceOrder, { description: 'How to order them (default RECENT).', nullable: true, defaultValue: ResourceOrder.RECENT }) orderBy: ResourceOrder,
    @Ctx() ctx: Context,
  ): Promise<Connection<ContentView>> {
    const { where, planEveryTime } = await commonContentWhere(ctx, RESOURCE, filter);
    if (filter?.mine) where.author = ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0;
    if (filter?.enterpriseId) where.enterprise = expectGlobalId(filter.enterpriseId, 'Enterprise', 'enterpriseId');
    if (filter?.resourceKinds?.length || filter?.access) {
      const rows = await ctx.em.find(
        SharedResource,
        { ...(filter.resourceKinds?.length ? { resourceKind: { $in: filter.resourceKinds } } : {}), ...(filter.access ? { access: filter.access } : {}) },
        { fields: ['content'], limit: 5000 },
      );
      where.id = { $in: rows.map((r) => r.content.id) };
    }
    const published = (filter?.status ?? ContentStatus.PUBLISHED) === ContentStatus.PUBLISHED;
    return listContent(ctx, where as FilterQuery<Content>, { first, after, order: !published ? 'CREATED' : orderBy === ResourceOrder.MOST_DOWNLOADED ? { entity: SharedResource, field: 'downloadCount' } : 'PUBLISHED', planEveryTime });
  }

  @FieldResolver(() => ResourceKind, { description: 'What the resource is.' })
  async resourceKind(@Root() c: ContentView, @Ctx() ctx: Context) {
    return (await detailsOf(ctx).load(String(c.id)))?.resourceKind;
  }

  @FieldResolver(() => Int, { description: 'How often its files were downloaded.' })
  async downloadCount(@Root() c: ContentView, @Ctx() ctx: Context): Promise<number> {
    return (await detailsOf(ctx).load(String(c.id)))?.downloadCount ?? 0;
  }

  @FieldResolver(() => ResourceAccess, { description: 'Open to its audience, or on request.' })
  async access(@Root() c: ContentView, @Ctx() ctx: Context) {
    return (await detailsOf(ctx).load(String(c.id)))?.access;
  }

  @FieldResolver(() => ShareScope, { description: 'How far it is shared.' })
  shareScope(@Root() c: ContentView) {
    return SCOPE_OF_VISIBILITY[c.visibility] ?? 'ENTERPRISE';
  }

  @FieldResolver(() => String, { nullable: true })
  async address(@Root() c: ContentView, @Ctx() ctx: Context) {
    return (await detailsOf(ctx).load(String(c.id)))?.address ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async openingDetails(@Root() c: ContentView, @Ctx() ctx: Context) {
    return (await detailsOf(ctx).load(String(c.id)))?.openingDetails ?? null;
  }

  @FieldResolver(() => [String])
  async topics(@Root() c: ContentView, @Ctx() ctx: Context) {
    return (await detailsOf(ctx).load(String(c.id)))?.topics ?? [];
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may use it (download its files): OPEN, your own side, or an approved request of your organisation.' })
  usableByMe(@Root() c: ContentView, @Ctx() ctx: Context): Promise<boolean> {
    return usableByMe(ctx).load(String(c.id));
  }

  @FieldResolver(() => [AttachmentType], { description: 'Its files (names and sizes for whoever sees it; fetching them needs `usableByMe`).' })
  attachments(@Root() c: ContentView, @Ctx() ctx: Context): Promise<AttachmentType[]> {
    return attachmentsOf(ctx).load(String(c.id));
  }

  @Mutation(() => SharedResourcePayload, { description: 'Writes a draft resource for an organisation (editors and admins at or above it); the workflow is contentSubmit/contentApprove.' })
  resourceCreate(@Arg('input') input: ResourceCreateInput, @Ctx() ctx: Context): Promise<SharedResourcePayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    const attachmentIds = input.attachmentIds?.map((id) => String(expectGlobalId(id, 'MediaFile', 'attachmentIds')));
    return mutate(async () => ({ sharedResource: await createResource(ctx.em, ctx, { ...input, organizationId, attachmentIds, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => SharedResourcePayload, { description: 'Edits a resource; every edit is kept as a revision.' })
  async resourceUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: ResourceUpdateInput, @Ctx() ctx: Context): Promise<SharedResourcePayload> {
    const local = await resourceId(ctx, id);
    const attachmentIds = input.attachmentIds?.map((a) => String(expectGlobalId(a, 'MediaFile', 'attachmentIds')));
    return mutate(async () => ({ sharedResource: await updateResource(ctx.em, ctx, local, { ...input, attachmentIds, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => ResourceDownloadPayload, { description: 'Records a download of one of the resource’s files and answers its URL (for those who may use the resource).' })
  async resourceDownload(@Arg('id', () => ID) id: string, @Arg('fileId', () => ID, { description: 'The file.' }) fileId: string, @Ctx() ctx: Context): Promise<ResourceDownloadPayload> {
    const local = await resourceId(ctx, id);
    const media = String(expectGlobalId(fileId, 'MediaFile', 'fileId'));
    return mutate(async () => downloadResourceFile(ctx.em, ctx, local, media));
  }

  @Mutation(() => ResourceRequestPayload, { description: 'Requests access to an ON_REQUEST resource for an organisation (its editors and admins), with a purpose.' })
  async resourceRequestAccess(
    @Arg('id', () => ID) id: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('purpose', { description: 'What your organisation wants it for.' }) purpose: string,
    @Ctx() ctx: Context,
  ): Promise<ResourceRequestPayload> {
    const local = await resourceId(ctx, id);
    const org = expectGlobalId(organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ request: await requestResource(ctx.em, ctx, local, org, purpose) }));
  }
}

@Resolver(() => ResourceRequestType)
export class ResourceRequestResolver {
  @Query(() => ResourceRequestConnection, { description: 'Access requests you may see, newest first: INCOMING to decide, OUTGOING to follow.' })
  resourceRequests(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ResourceRequestFilter, { nullable: true }) filter: ResourceRequestFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<ResourceRequest>> {
    const visible = requestsWhere(ctx, filter?.direction);
    const where = {
      $and: [
        visible ?? { id: 0 },
        filter?.status ? { status: filter.status } : {},
        filter?.resourceId ? { content: expectGlobalId(filter.resourceId, 'SharedResource', 'resourceId') } : {},
      ],
    } as FilterQuery<ResourceRequest>;
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (r) => [String(r.id)] as [string],
      fetch: (limit, cursor) => (visible ? ctx.em.find(ResourceRequest, cursor ? ({ $and: [where, { id: { $lt: cursor[0] } }] } as FilterQuery<ResourceRequest>) : where, { orderBy: { id: 'desc' }, limit }) : Promise.resolve([])),
      count: () => (visible ? ctx.em.count(ResourceRequest, where) : Promise.resolve(0)),
    });
  }

  @FieldResolver(() => ID)
  id(@Root() r: ResourceRequest): string {
    return toGlobalId('ResourceRequest', r.id);
  }

  @FieldResolver(() => SharedResourceType, { nullable: true, description: 'The resource, if you may still see it.' })
  resource(@Root() r: ResourceRequest, @Ctx() ctx: Context): Promise<ContentView | null> {
    return readableResource(ctx, r.content.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The requesting organisation.' })
  organization(@Root() r: ResourceRequest, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(r.organization.id);
  }

  @FieldResolver(() => Boolean, { description: 'Approved and not expired.' })
  active(@Root() r: ResourceRequest): boolean {
    return r.status === 'APPROVED' && (!r.accessUntil || r.accessUntil.getTime() > Date.now());
  }

  @Mutation(() => ResourceRequestPayload, { description: 'Approves a pending request (the owner’s admins; never one’s own request), optionally until a date.' })
  resourceRequestApprove(
    @Arg('id', () => ID) id: string,
    @Arg('accessUntil', () => GraphQLISODateTime, { description: 'Until when access is granted (within five years; without end when omitted).', nullable: true }) accessUntil: Date | null,
    @Arg('note', () => String, { description: 'A note.', nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResourceRequestPayload> {
    const local = String(expectGlobalId(id, 'ResourceRequest'));
    return mutate(async () => ({ request: await decideRequest(ctx.em, ctx, local, true, note, accessUntil) }));
  }

  @Mutation(() => ResourceRequestPayload, { description: 'Rejects a pending request, with a reason.' })
  resourceRequestReject(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: Context): Promise<ResourceRequestPayload> {
    const local = String(expectGlobalId(id, 'ResourceRequest'));
    return mutate(async () => ({ request: await decideRequest(ctx.em, ctx, local, false, reason) }));
  }

  @Mutation(() => ResourceRequestPayload, { description: 'Withdraws a pending request (its requester, or the requesting organisation’s editors and admins).' })
  resourceRequestWithdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ResourceRequestPayload> {
    const local = String(expectGlobalId(id, 'ResourceRequest'));
    return mutate(async () => ({ request: await closeRequest(ctx.em, ctx, local, 'withdraw') }));
  }

  @Mutation(() => ResourceRequestPayload, { description: 'Revokes an approved request (the owner’s admins): access ends at once.' })
  resourceRequestRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ResourceRequestPayload> {
    const local = String(expectGlobalId(id, 'ResourceRequest'));
    return mutate(async () => ({ request: await closeRequest(ctx.em, ctx, local, 'revoke') }));
  }

  @Subscription(() => ResourceRequestType, {
    description: 'Access requests as they are made and decided — those you may see (both sides), optionally one direction only.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { direction?: RequestDirection | null }, Context>) =>
      filterMap(
        context.bus,
        async () => {
          requireUser(context.viewer);
          return args.direction ?? null;
        },
        async (event, direction) => {
          if (event.type !== 'resource.request') return null;
          context.renew();
          const visible = requestsWhere(context, direction);
          if (!visible) return null;
          const [row] = await context.em.find(ResourceRequest, { $and: [{ id: String(event.id) }, visible] } as FilterQuery<ResourceRequest>);
          return row ?? null;
        },
      ),
  })
  resourceRequestChanged(@Root() request: ResourceRequest, @Arg('direction', () => RequestDirection, { description: 'Requests received or made (default both).', nullable: true }) _direction: RequestDirection | null): ResourceRequest {
    return request;
  }
}
