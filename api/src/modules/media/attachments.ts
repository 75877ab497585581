/** Files attached to a record of another module (a development step, a meeting's minutes): checked once, here. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { can, type Actor } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { defineLoader } from '../../core/graphql/loaders.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { MediaFile } from './media.entity.js';
import { mediaUrl } from './media.routes.js';

/** The distinct ids, each an uploaded file of the enterprise the caller may use; at most `max`. */
export async function checkAttachments(tx: EntityManager, actor: Actor, enterpriseId: number, ids: readonly string[] | null | undefined, max = 20): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length > max) throw badInput(`At most ${max} files.`, 'attachmentIds');
  if (unique.some((id) => !/^\d{1,18}$/.test(id))) throw badInput('Not a file id.', 'attachmentIds');
  const files = unique.length ? await tx.find(MediaFile, { id: { $in: unique }, enterprise: enterpriseId }) : [];
  if (files.length !== unique.length) throw badInput('Every file must be uploaded to this enterprise first.', 'attachmentIds');
  for (const file of files) {
    if (!(await can(tx, actor, 'useMedia', Organization, 'Organization', file.organization.id))) throw badInput('A file you may not use cannot be attached.', 'attachmentIds');
  }
  return unique;
}

/** A file attached to a record, as GraphQL shows it. */
@ObjectType('RecordFile', { description: 'A file attached to a record (a development step, a meeting’s minutes).' })
export class RecordFileType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The file’s name as uploaded.' }) fileName!: string;
  @Field({ description: 'Where to fetch it (access-controlled).' }) url!: string;
}

const fileById = defineLoader<string, MediaFile | null>(async (ctx, ids) => {
  const files = await ctx.em.find(MediaFile, { id: { $in: [...ids] } });
  return ids.map((id) => files.find((f) => String(f.id) === id) ?? null);
});

/** The attachments of a record the caller already reads, batched across the request. */
export async function attachmentsOf(ctx: Context, ids: readonly string[]): Promise<RecordFileType[]> {
  const files = await Promise.all(ids.map((id) => fileById(ctx).load(id)));
  return files.filter((f): f is MediaFile => f !== null).map((f) => ({ id: toGlobalId('MediaFile', f.id), fileName: f.fileName, url: mediaUrl(f) }));
}
