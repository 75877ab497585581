/**
 * The content workflow, shared by every kind: write, edit (with revisions), submit, approve or
 * reject, unpublish, archive, pin. Each action: authorise in SQL → validate → change → revision
 * and audit, in one transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action } from '../../core/authz/ability.js';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { emit } from '../../core/events/bus.js';
import { recordAudit } from '../audit/audit.service.js';
import { mayReadMedia } from '../media/media.access.js';
import { MediaFile } from '../media/media.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Content, ContentAttachment, ContentMedia, ContentRevision } from './content.entity.js';
import { announceTransition } from './content.notifications.js';
import { ContentStatus, Visibility, type ContentKind } from './content-enums.js';
import { MAX_BODY_CHARS, sanitiseRichText } from './sanitize.js';
import { TOKENIZER_VERSION, documentText } from './search-tokens.js';
import { plainLine } from '../../core/graphql/text-input.js';

export interface ContentFields {
  title?: string | null;
  summary?: string | null;
  bodyHtml?: string | null;
  tags?: string[] | null;
  visibility?: Visibility | null;
  /** The cover image (a MediaFile id); an empty string removes it. */
  coverId?: string | null;
  /** Files attached for download, in order (MediaFile ids); absent keeps them, [] removes them. */
  attachmentIds?: string[] | null;
}

const MAX_ATTACHMENTS = 20;

const MAX_TAGS = 10;
const MAX_SCHEDULE_DAYS = 366;


function cleanTags(tags: string[]): string[] {
  const out = [...new Set(tags.map((t) => plainLine(t, 'tags', 20, true)))];
  if (out.length > MAX_TAGS) throw badInput(`At most ${MAX_TAGS} tags.`, 'tags');
  return out;
}

/** Files the body uses: links and images pointing at /media/<id>/… */
export function referencedMedia(html: string): string[] {
  return [...new Set([...html.matchAll(/\/media\/(\d{1,15})(?=[/"'?#])/g)].map((m) => m[1]!))];
}

/**
 * Records which files the body uses. Only files the writer may use already (their own
 * organisation's, or ones visible to them through other content) of the same enterprise:
 * embedding a file must never publish what its owner kept private.
 */
async function attachMedia(tx: EntityManager, actor: Actor, content: Content, coverId?: string | null, attachmentIds?: string[] | null): Promise<void> {
  // Absent keeps the current cover, '' removes it, an id sets it.
  if (coverId === '') content.cover = null;
  const cover = coverId === '' ? null : (coverId ?? (content.cover ? String(content.cover.id) : null));
  if (attachmentIds && attachmentIds.length > MAX_ATTACHMENTS) throw badInput(`At most ${MAX_ATTACHMENTS} attachments.`, 'attachmentIds');
  const attachments = attachmentIds
    ? [...new Set(attachmentIds)]
    : (await tx.find(ContentAttachment, { content: content.id }, { orderBy: { position: 'asc' } })).map((a) => String(a.mediaFile.id));
  const ids = [...new Set([...referencedMedia(content.bodyHtml), ...(cover ? [cover] : []), ...attachments])];
  const files = ids.length ? await tx.find(MediaFile, { id: { $in: ids } }) : [];
  for (const id of ids) {
    const file = files.find((f) => String(f.id) === id);
    if (!file || file.enterprise.id !== content.enterprise.id || !(await mayReadMedia(tx, actor, file))) {
      throw badInput(`The item uses a file (/media/${id}) you may not use here.`, id === cover ? 'coverId' : attachments.includes(id) ? 'attachmentIds' : 'bodyHtml');
    }
  }
  if (cover) {
    const file = files.find((f) => String(f.id) === cover)!;
    if (!file.mimeType.startsWith('image/')) throw badInput('A cover must be an image.', 'coverId');
    content.cover = tx.getReference(MediaFile, cover, { wrapped: true });
  }
  // The files in use, each row with its tenant key (written here, not through the collection,
  // which would know only the two ids).
  await tx.nativeDelete(ContentMedia, { content: content.id });
  for (const file of files) tx.create(ContentMedia, { content, enterprise: content.enterprise, mediaFile: file });
  if (attachmentIds) {
    await tx.nativeDelete(ContentAttachment, { content: content.id });
    attachments.forEach((id, position) => tx.create(ContentAttachment, { content, enterprise: content.enterprise, mediaFile: files.find((f) => String(f.id) === id)!, position }));
  }
}

/** Validates and applies fields. */
function apply(content: Content, fields: ContentFields): void {
  if (fields.title != null) content.title = plainLine(fields.title, 'title', 200, true);
  if (fields.bodyHtml != null) {
    if (fields.bodyHtml.length > MAX_BODY_CHARS) throw badInput(`The body must be at most ${MAX_BODY_CHARS} characters of HTML.`, 'bodyHtml');
    const { html, text } = sanitiseRichText(fields.bodyHtml);
    content.bodyHtml = html;
    content.bodyText = text;
  }
  if (fields.summary != null) content.summary = plainLine(fields.summary, 'summary', 500, false);
  if (fields.tags != null) content.tags = cleanTags(fields.tags);
  if (fields.visibility != null) content.visibility = fields.visibility;
}

/** Stores the item's search tokens (see search-tokens.ts); call after every change of its text. */
export async function indexForSearch(em: EntityManager, content: Pick<Content, 'id' | 'title' | 'summary' | 'bodyText'>): Promise<void> {
  await em.execute(`update content set search_vector = to_tsvector('simple', ?), search_version = ? where id = ?`, [documentText(content.title, content.summary, content.bodyText), TOKENIZER_VERSION, content.id]);
}

async function afterWrite(tx: EntityManager, actor: Actor, content: Content, action: string, details?: Record<string, unknown>): Promise<void> {
  await tx.flush();
  await indexForSearch(tx, content);
  recordAudit(tx, actor.viewer, {
    action: `content.${action}`,
    subjectType: 'Content',
    subjectId: content.id,
    organizationId: content.organization.id,
    enterpriseId: content.enterprise.id,
    details: { kind: content.kind, ...details },
  });
  await tx.flush();
}

function revise(tx: EntityManager, actor: Actor, content: Content): void {
  tx.create(ContentRevision, {
    content,
    enterprise: content.enterprise,
    version: content.version,
    title: content.title,
    summary: content.summary,
    bodyHtml: content.bodyHtml,
    tags: content.tags,
    editor: actor.viewer.kind === 'user' ? actor.viewer.userId : null,
  });
}

const load = (tx: EntityManager, id: string) => tx.findOneOrFail(Content, id, { populate: ['bodyHtml', 'bodyText'] });

export async function createContent(
  em: EntityManager,
  actor: Actor,
  kind: ContentKind,
  input: ContentFields & { organizationId: number; title: string },
): Promise<Content> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'createContent', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
    const content = tx.create(Content, {
      kind,
      enterprise: org.enterprise.id,
      organization: org.id,
      author: me.userId,
      title: '',
      bodyHtml: '',
      bodyText: '',
      status: ContentStatus.DRAFT,
      visibility: Visibility.PUBLIC,
      searchVector: null,
    });
    apply(content, input);
    await tx.flush();
    await attachMedia(tx, actor, content, input.coverId, input.attachmentIds);
    revise(tx, actor, content);
    await afterWrite(tx, actor, content, 'create');
    return content;
  });
}

export async function updateContent(em: EntityManager, actor: Actor, id: string, fields: ContentFields & { expectedVersion?: number | null }): Promise<Content> {
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'edit', Content, 'Content', id, 'The item');
    const content = await load(tx, id);
    if (fields.expectedVersion != null && fields.expectedVersion !== content.version) {
      throw conflict(`Someone else saved this item in the meantime (version ${content.version}); reload and edit again.`, 'expectedVersion');
    }
    apply(content, fields);
    if (fields.bodyHtml != null || fields.coverId != null || fields.attachmentIds != null) await attachMedia(tx, actor, content, fields.coverId, fields.attachmentIds);
    content.version += 1;
    content.updatedAt = new Date();
    revise(tx, actor, content);
    await afterWrite(tx, actor, content, 'update', { version: content.version });
    return content;
  });
}

export async function restoreRevision(em: EntityManager, actor: Actor, id: string, revisionId: string): Promise<Content> {
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'edit', Content, 'Content', id, 'The item');
    const revision = await tx.findOne(ContentRevision, { id: revisionId, content: id });
    if (!revision) throw notFound('The revision does not exist.');
    const content = await load(tx, id);
    content.title = revision.title;
    content.summary = revision.summary;
    content.bodyHtml = revision.bodyHtml;
    content.bodyText = sanitiseRichText(revision.bodyHtml).text;
    content.tags = revision.tags;
    await attachMedia(tx, actor, content);
    content.version += 1;
    content.updatedAt = new Date();
    revise(tx, actor, content);
    await afterWrite(tx, actor, content, 'restore', { fromVersion: revision.version, version: content.version });
    return content;
  });
}

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** An item became visible (published now, or its scheduled time came); `authorId` reads it whatever its visibility. */
    'content.published': { id: string; kind: ContentKind; organizationId: number; enterpriseId: number; authorId: number | null };
    /** A visible item was taken down (unpublished or archived); `visibility` is who could read it. */
    'content.unpublished': { id: string; kind: ContentKind; organizationId: number; enterpriseId: number; visibility: Visibility };
    /** An item entered or left review. */
    'content.reviewQueue': { id: string; kind: ContentKind; organizationId: number; status: ContentStatus };
  }
}

/** The event for a publication that is visible now; scheduled ones are emitted by the scheduler. */
export const publishedEvent = (c: { id: string; kind: ContentKind; organizationId: number; enterpriseId: number; authorId: number | null }) => ({ type: 'content.published' as const, ...c });

/**
 * Moves an item through the workflow after checking `action` on it; emits events at commit.
 * Kinds with steps of their own (disclosures) pass their own action and change.
 */
export async function transition(
  em: EntityManager,
  actor: Actor,
  id: string,
  action: Action,
  change: (c: Content, tx: EntityManager) => void | Promise<void>,
  audit: string,
  details?: Record<string, unknown>,
) {
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, action, Content, 'Content', id, 'The item');
    const content = await load(tx, id);
    const before = content.status;
    const wasVisible = before === ContentStatus.PUBLISHED && content.publishNotifiedAt !== null;
    await change(content, tx);
    content.updatedAt = new Date();
    if (content.status === ContentStatus.PUBLISHED && content.publishedAt && content.publishedAt.getTime() <= Date.now() && !content.publishNotifiedAt) {
      content.publishNotifiedAt = new Date();
      await emit(tx, publishedEvent({ id: String(content.id), kind: content.kind, organizationId: content.organization.id, enterpriseId: content.enterprise.id, authorId: content.author?.id ?? null }));
    }
    if (wasVisible && content.status !== ContentStatus.PUBLISHED) {
      await emit(tx, { type: 'content.unpublished', id: String(content.id), kind: content.kind, organizationId: content.organization.id, enterpriseId: content.enterprise.id, visibility: content.visibility });
    }
    if (before === ContentStatus.IN_REVIEW || content.status === ContentStatus.IN_REVIEW) {
      await emit(tx, { type: 'content.reviewQueue', id: String(content.id), kind: content.kind, organizationId: content.organization.id, status: content.status });
    }
    await afterWrite(tx, actor, content, audit, details);
    await announceTransition(tx, content, before, actor.viewer.kind === 'user' ? actor.viewer.userId : null);
    return content;
  });
}

export function submitContent(em: EntityManager, actor: Actor, id: string): Promise<Content> {
  return transition(em, actor, id, 'submit', (c) => {
    if (!c.title || c.bodyText.length === 0) throw badInput('Write a title and a body before submitting.', 'bodyHtml');
    c.status = ContentStatus.IN_REVIEW;
    c.rejectionReason = null;
  }, 'submit');
}

/** When an approval takes effect: now, or a future time within the limit (never back-dated). */
export function publicationTime(publishAt?: Date | null): Date {
  const now = Date.now();
  if (publishAt && (Number.isNaN(publishAt.getTime()) || publishAt.getTime() > now + MAX_SCHEDULE_DAYS * 86_400_000)) {
    throw badInput(`A publication time must be within ${MAX_SCHEDULE_DAYS} days.`, 'publishAt');
  }
  return publishAt && publishAt.getTime() > now ? publishAt : new Date(now);
}

export function approveContent(em: EntityManager, actor: Actor, id: string, publishAt?: Date | null): Promise<Content> {
  const at = publicationTime(publishAt);
  return transition(em, actor, id, 'review', (c) => {
    c.status = ContentStatus.PUBLISHED;
    c.publishedAt = at;
  }, 'approve', { publishAt: at.toISOString() });
}

export function rejectContent(em: EntityManager, actor: Actor, id: string, reason: string): Promise<Content> {
  const why = plainLine(reason, 'reason', 500, true);
  return transition(em, actor, id, 'review', (c) => {
    c.status = ContentStatus.REJECTED;
    c.rejectionReason = why;
  }, 'reject', { reason: why });
}

export function unpublishContent(em: EntityManager, actor: Actor, id: string): Promise<Content> {
  return transition(em, actor, id, 'publishControl', (c) => {
    c.status = ContentStatus.DRAFT;
    c.publishedAt = null;
    c.publishNotifiedAt = null;
    c.pinnedAt = null;
  }, 'unpublish');
}

export function archiveContent(em: EntityManager, actor: Actor, id: string): Promise<Content> {
  return transition(em, actor, id, 'publishControl', (c) => {
    c.status = ContentStatus.ARCHIVED;
    c.pinnedAt = null;
  }, 'archive');
}

export function pinContent(em: EntityManager, actor: Actor, id: string, pinned: boolean): Promise<Content> {
  return transition(em, actor, id, 'publishControl', (c) => {
    c.pinnedAt = pinned ? new Date() : null;
  }, pinned ? 'pin' : 'unpin');
}
