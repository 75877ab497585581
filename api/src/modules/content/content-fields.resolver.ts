/**
 * Field resolvers every content kind shares (id, cover, body, owner, by-line, revisions,
 * attachments), as a base class each kind's resolver extends with its own GraphQL type.
 */
import { Ctx, FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { userById } from '../identity/identity.loaders.js';
import { UserType } from '../identity/identity.types.js';
import type { User } from '../identity/user.entity.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { mediaUrl } from '../media/media.routes.js';
import { imageOf, mediaById, MediaImageType } from '../media/media.types.js';
import { ContentAttachment } from './content.entity.js';
import type { ContentView } from './content-view.js';
import { authorById, bodyOf, revisionsOf, type RevisionView } from './content.loaders.js';
import { AttachmentType, ContentRevisionType } from './content.types.js';

/** Attachments of items the caller already may read, in order. */
export const attachmentsOf = defineLoader<string, AttachmentType[]>(async (ctx, ids) => {
  const rows = await ctx.em.find(ContentAttachment, { content: { $in: [...ids] } }, { orderBy: { position: 'asc' }, populate: ['mediaFile'] });
  return groupByKey(ids, rows, (r) => String(r.content.id)).map((list) =>
    list.map(({ mediaFile: f }) => ({ id: toGlobalId('MediaFile', f.id), fileName: f.fileName, mimeType: f.mimeType, size: Number(f.size), url: mediaUrl(f) })),
  );
});

export function contentFieldsResolver<T extends object>(type: ClassType<T>, typeName: string) {
  @Resolver(() => type)
  abstract class ContentFieldsResolver {
    @FieldResolver(() => ID)
    id(@Root() content: ContentView): string {
      return toGlobalId(typeName, content.id);
    }

    @FieldResolver(() => MediaImageType, { nullable: true, description: 'The cover image, if any.' })
    async cover(@Root() content: ContentView, @Ctx() ctx: Context): Promise<MediaImageType | null> {
      const file = content.cover ? await mediaById(ctx).load(String(content.cover.id)) : null;
      return file ? imageOf(file) : null;
    }

    @FieldResolver(() => String, { description: 'Sanitised rich text.' })
    async bodyHtml(@Root() content: ContentView, @Ctx() ctx: Context): Promise<string> {
      return content.bodyHtml ?? (await bodyOf(ctx).load(String(content.id)))?.bodyHtml ?? '';
    }

    @FieldResolver(() => OrganizationType, { nullable: true, description: 'The owner organisation.' })
    organization(@Root() content: ContentView, @Ctx() ctx: Context): Promise<Organization | null> {
      return content.owner !== undefined ? Promise.resolve(content.owner) : organizationById(ctx).load(content.organization.id);
    }

    @FieldResolver(() => String, { nullable: true, description: 'The author’s display name (a by-line).' })
    async authorName(@Root() content: ContentView, @Ctx() ctx: Context): Promise<string | null> {
      if (content.byline !== undefined || !content.author) return content.byline ?? null;
      return (await authorById(ctx).load(content.author.id))?.displayName ?? null;
    }

    @FieldResolver(() => UserType, { nullable: true, description: 'The author, when you may see their account.' })
    author(@Root() content: ContentView, @Ctx() ctx: Context): Promise<User | null> | null {
      return content.author ? userById(ctx).load(content.author.id) : null;
    }

    @FieldResolver(() => [ContentRevisionType], { description: 'Saved versions, newest first; for the author and the editors, reviewers and admins above.' })
    revisions(@Root() content: ContentView, @Ctx() ctx: Context): Promise<RevisionView[]> {
      return revisionsOf(ctx).load(String(content.id));
    }
  }
  return ContentFieldsResolver;
}
