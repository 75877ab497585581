/**
 * The shared workflow for kinds without steps of their own (cases, resources — and news, which
 * also keeps its named mutations): submit, approve, reject, unpublish, archive, pin.
 * Disclosures have their own 审核/审批 steps and are refused here.
 */
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { fromGlobalId } from '../../core/graphql/relay.js';
import { expectReadable } from '../content/content.loaders.js';
import { approveContent, archiveContent, pinContent, rejectContent, submitContent, unpublishContent } from '../content/content.service.js';
import { kindOfTypeName } from '../content/kinds.js';
import { ContentItem } from './content-item.js';

@ObjectType()
class ContentItemPayload {
  @Field(() => ContentItem, { description: 'The item as it is after the change; null when the change was refused.', nullable: true }) item?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

/** The local id of an item of a kind on the shared workflow that the caller may read; NOT_FOUND otherwise. */
async function itemId(ctx: Context, id: string): Promise<string> {
  const kind = kindOfTypeName(fromGlobalId(id)?.type ?? '');
  if (!kind) throw badInput('Not a valid content id.', 'id');
  if (kind.workflow !== 'shared') throw badInput(kind.workflow.ownWorkflow, 'id');
  return expectReadable(ctx, id, kind.typeName, kind.kind, 'The item');
}

@Resolver()
export class WorkflowResolver {
  @Mutation(() => ContentItemPayload, { description: 'Submits a draft (or a rejected item) for review: cases, resources, news.' })
  async contentSubmit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await submitContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => ContentItemPayload, { description: 'Approves and publishes, now or at `publishAt` (reviewers and admins at or above the owner; never one’s own item).' })
  async contentApprove(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => GraphQLISODateTime, { description: 'Publish at this time instead of now (at most 366 days ahead).', nullable: true }) publishAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await approveContent(ctx.em, ctx, local, publishAt) }));
  }

  @Mutation(() => ContentItemPayload, { description: 'Sends an item back to its author with a reason.' })
  async contentReject(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why, for the author.' }) reason: string, @Ctx() ctx: Context): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await rejectContent(ctx.em, ctx, local, reason) }));
  }

  @Mutation(() => ContentItemPayload, { description: 'Takes a published item back to draft.' })
  async contentUnpublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await unpublishContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => ContentItemPayload, { description: 'Archives a published item.' })
  async contentArchive(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await archiveContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => ContentItemPayload, { description: 'Pins (or unpins) a published item to the top of its lists.' })
  async contentPin(@Arg('id', () => ID) id: string, @Arg('pinned', () => Boolean, { description: 'Pin it, or unpin it.' }) pinned: boolean, @Ctx() ctx: Context): Promise<ContentItemPayload> {
    const local = await itemId(ctx, id);
    return mutate(async () => ({ item: await pinContent(ctx.em, ctx, local, pinned) }));
  }
}
