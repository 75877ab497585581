/** GraphQL view of files used by content (covers); uploads go through POST /media. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { mediaUrl } from './media.routes.js';
import { MediaFile } from './media.entity.js';

@ObjectType('MediaImage', { description: 'An image file, e.g. an item’s cover.' })
export class MediaImageType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Relative URL on the API (GET /media/<id>/<name>).' }) url!: string;
  @Field({ description: 'The image’s type.' }) mimeType!: string;
  @Field(() => Int, { description: 'Width in pixels, when known.', nullable: true }) width!: number | null;
  @Field(() => Int, { description: 'Height in pixels, when known.', nullable: true }) height!: number | null;
}

/** Files of items the caller already may read (their readers may fetch them). */
export const mediaById = defineLoader<string, MediaFile | null>(async (ctx, ids) =>
  byKey(ids, await ctx.em.find(MediaFile, { id: { $in: [...ids] } }), (m) => String(m.id)),
);

/** `coverId` as the services take it: a MediaFile's local id, '' to remove, undefined to keep. */
export function coverIdOf(globalId: string | null | undefined): string | undefined {
  if (globalId === '') return '';
  return globalId ? String(expectGlobalId(globalId, 'MediaFile', 'coverId')) : undefined;
}

export function imageOf(file: MediaFile): MediaImageType {
  return { id: toGlobalId('MediaFile', file.id), url: mediaUrl(file), mimeType: file.mimeType, width: file.width, height: file.height };
}
