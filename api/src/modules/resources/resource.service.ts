/**
 * 共建共享: resources on the common content workflow; requests for ON_REQUEST resources and their
 * decisions; downloads. A decision is told to both sides through the `resource.request` event.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { emit } from '../../core/events/bus.js';
import { recordAudit } from '../audit/audit.service.js';
import { Content, ContentAttachment } from '../content/content.entity.js';
import { ContentKind, ContentStatus } from '../content/content-enums.js';
import { createContent, updateContent, type ContentFields } from '../content/content.service.js';
import { User } from '../identity/user.entity.js';
import { MediaFile } from '../media/media.entity.js';
import { mediaUrl } from '../media/media.routes.js';
import { Organization, pathIds } from '../organizations/organization.entity.js';
import { UsageMetric } from '../usage/usage.entity.js';
import { recordUsage } from '../usage/usage.service.js';
import { activeGrantWhere, usableResources } from './resource.access.js';
import { RequestStatus, ResourceAccess, ResourceKind, VISIBILITY_OF_SCOPE, type ShareScope } from './resource-enums.js';
import { ResourceRequest, SharedResource } from './resource.entity.js';
import { announceRequest } from './resource.notifications.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** An access request was made or decided. */
    'resource.request': { id: string; status: RequestStatus; contentId: string; organizationId: number; ownerOrganizationId: number };
  }
}

export interface ResourceDetails {
  resourceKind?: ResourceKind | null;
  access?: ResourceAccess | null;
  shareScope?: ShareScope | null;
  address?: string | null;
  openingDetails?: string | null;
  topics?: string[] | null;
}

/** Kind-specific details: an education base has an address, a lecturer at least one topic. */
function applyDetails(row: SharedResource, input: ResourceDetails): void {
  if (input.resourceKind) row.resourceKind = input.resourceKind;
  if (input.access) row.access = input.access;
  if (input.address !== undefined && input.address !== null) row.address = plainText(input.address, 'address', 200) || null;
  if (input.openingDetails !== undefined && input.openingDetails !== null) row.openingDetails = plainText(input.openingDetails, 'openingDetails', 500) || null;
  if (input.topics) {
    const topics = [...new Set(input.topics.map((t) => plainText(t, 'topics', 30, true)))];
    if (topics.length > 20) throw badInput('At most 20 topics.', 'topics');
    row.topics = topics;
  }
  if (row.resourceKind === ResourceKind.EDUCATION_BASE && !row.address) throw badInput('An education base needs an address.', 'address');
  if (row.resourceKind === ResourceKind.LECTURER && row.topics.length === 0) throw badInput('A lecturer needs at least one topic.', 'topics');
}

export async function createResource(em: EntityManager, actor: Actor, input: ContentFields & ResourceDetails & { organizationId: number; title: string; resourceKind: ResourceKind }): Promise<Content> {
  return em.transactional(async (tx) => {
    const visibility = VISIBILITY_OF_SCOPE[input.shareScope ?? 'ENTERPRISE'];
    const content = await createContent(tx, actor, ContentKind.RESOURCE, { ...input, visibility });
    const row = tx.create(SharedResource, { content, enterprise: content.enterprise, resourceKind: input.resourceKind, access: input.access ?? ResourceAccess.OPEN });
    applyDetails(row, input);
    await tx.flush();
    return content;
  });
}

export async function updateResource(em: EntityManager, actor: Actor, id: string, input: ContentFields & ResourceDetails & { expectedVersion?: number | null }): Promise<Content> {
  return em.transactional(async (tx) => {
    const visibility = input.shareScope ? VISIBILITY_OF_SCOPE[input.shareScope] : undefined;
    // updateContent authorises the edit before anything is written.
    const content = await updateContent(tx, actor, id, { ...input, visibility });
    const row = await tx.findOneOrFail(SharedResource, { content: id });
    applyDetails(row, input);
    await tx.flush();
    return content;
  });
}

async function announce(tx: EntityManager, request: ResourceRequest, ownerOrganizationId: number): Promise<void> {
  await emit(tx, {
    type: 'resource.request',
    id: String(request.id),
    status: request.status,
    contentId: String(request.content.id),
    organizationId: request.organization.id,
    ownerOrganizationId,
  });
}

/**
 * An organisation asks to use an ON_REQUEST resource (its editors and admins ask for it). Refused
 * when it can use the resource already, or a request of its is still pending.
 */
export async function requestResource(em: EntityManager, actor: Actor, contentId: string, organizationId: number, purpose: string): Promise<ResourceRequest> {
  const me = requireUser(actor.viewer);
  const why = plainText(purpose, 'purpose', 1000, true);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'createContent', Organization, 'Organization', organizationId, 'The organisation');
    const content = await tx.findOneOrFail(Content, contentId);
    if (content.status !== ContentStatus.PUBLISHED) throw conflict('The resource is not published.');
    const row = await tx.findOneOrFail(SharedResource, { content: contentId });
    if (row.access === ResourceAccess.OPEN) throw conflict('The resource is open: whoever sees it may use it, no request needed.');
    const [org, owner] = await Promise.all([tx.findOneOrFail(Organization, organizationId), tx.findOneOrFail(Organization, content.organization.id)]);
    if (owner.path.startsWith(org.path)) throw conflict('That organisation owns the resource or is above its owner: it may use it already.', 'organizationId');
    if (await tx.count(ResourceRequest, { content: contentId, ...activeGrantWhere(pathIds(org.path)) })) {
      throw conflict('That organisation may use the resource already (an approved request covers it).', 'organizationId');
    }
    // One pending request per organisation and resource: checked here, enforced by a unique index.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`resource-request:${contentId}:${organizationId}`]);
    if (await tx.count(ResourceRequest, { content: contentId, organization: organizationId, status: RequestStatus.PENDING })) {
      throw conflict('A request of that organisation for this resource is waiting for a decision already.', 'organizationId');
    }
    const request = tx.create(ResourceRequest, { content: contentId, enterprise: content.enterprise, organization: organizationId, requestedBy: me.userId, purpose: why, status: RequestStatus.PENDING });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'resource.request', subjectType: 'ResourceRequest', subjectId: request.id, organizationId, enterpriseId: org.enterprise.id, details: { contentId } });
    await tx.flush();
    await announce(tx, request, owner.id);
    await announceRequest(tx, request, false);
    return request;
  });
}

const MAX_GRANT_DAYS = 5 * 366;

/** The owner's admins approve (optionally until a date) or reject (with a reason) a pending request; never their own. */
export async function decideRequest(em: EntityManager, actor: Actor, requestId: string, approve: boolean, reason?: string | null, accessUntil?: Date | null): Promise<ResourceRequest> {
  const me = requireUser(actor.viewer);
  const why = plainText(reason, 'reason', 500, !approve);
  if (accessUntil && (Number.isNaN(accessUntil.getTime()) || accessUntil.getTime() <= Date.now() || accessUntil.getTime() > Date.now() + MAX_GRANT_DAYS * 86_400_000)) {
    throw badInput('Access must end in the future, within five years.', 'accessUntil');
  }
  if (!approve && accessUntil) throw badInput('A rejection has no access period.', 'accessUntil');
  return em.transactional(async (tx) => {
    const request = await tx.findOne(ResourceRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) throw notFound('The request does not exist.');
    await assertCan(tx, actor, 'decideRequests', Content, 'Content', request.content.id, 'The request');
    if (request.requestedBy?.id === me.userId) throw forbidden('Nobody decides their own request.');
    if (request.status !== RequestStatus.PENDING) throw conflict(`The request is ${request.status.toLowerCase()} already.`);
    request.status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
    request.decidedBy = tx.getReference(User, me.userId, { wrapped: true });
    request.decidedAt = new Date();
    request.decisionReason = why || null;
    request.accessUntil = approve ? (accessUntil ?? null) : null;
    await tx.flush();
    const content = await tx.findOneOrFail(Content, request.content.id);
    recordAudit(tx, actor.viewer, {
      action: approve ? 'resource.approve' : 'resource.reject',
      subjectType: 'ResourceRequest',
      subjectId: request.id,
      organizationId: content.organization.id,
      enterpriseId: content.enterprise.id,
      details: { reason: why, accessUntil: request.accessUntil?.toISOString() ?? null, requestingOrganizationId: request.organization.id },
    });
    await tx.flush();
    await announce(tx, request, content.organization.id);
    await announceRequest(tx, request, true);
    return request;
  });
}

/** The requester (or the requesting organisation's editors and admins) withdraws a pending request; the owner's admins revoke an approval. */
export async function closeRequest(em: EntityManager, actor: Actor, requestId: string, how: 'withdraw' | 'revoke'): Promise<ResourceRequest> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const request = await tx.findOne(ResourceRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) throw notFound('The request does not exist.');
    if (how === 'withdraw') {
      if (request.requestedBy?.id !== me.userId) await assertCan(tx, actor, 'createContent', Organization, 'Organization', request.organization.id, 'The request');
      if (request.status !== RequestStatus.PENDING) throw conflict('Only a pending request can be withdrawn.');
      request.status = RequestStatus.WITHDRAWN;
    } else {
      await assertCan(tx, actor, 'decideRequests', Content, 'Content', request.content.id, 'The request');
      if (request.status !== RequestStatus.APPROVED) throw conflict('Only an approved request can be revoked.');
      request.status = RequestStatus.REVOKED;
      request.decidedBy = tx.getReference(User, me.userId, { wrapped: true });
      request.decidedAt = new Date();
    }
    await tx.flush();
    const content = await tx.findOneOrFail(Content, request.content.id);
    recordAudit(tx, actor.viewer, { action: `resource.${how}`, subjectType: 'ResourceRequest', subjectId: request.id, organizationId: content.organization.id, enterpriseId: content.enterprise.id });
    await tx.flush();
    await announce(tx, request, content.organization.id);
    return request;
  });
}

/**
 * A download of one of the resource's files, by someone who may use it: counted (item counter and
 * daily figures) and answered with the file's URL.
 */
export async function downloadResourceFile(em: EntityManager, actor: Actor, contentId: string, mediaId: string): Promise<{ url: string; downloadCount: number }> {
  if (!(await usableResources(em, actor, [contentId])).has(contentId)) {
    if (actor.viewer.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to use this resource.');
    throw forbidden('Your organisation needs an approved request to use this resource.');
  }
  if (!(await em.count(ContentAttachment, { content: contentId, mediaFile: mediaId }))) throw notFound('The resource has no such file.');
  const file = await em.findOneOrFail(MediaFile, mediaId);
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<{ download_count: number }[]>('update shared_resource set download_count = download_count + 1 where content_id = ? returning download_count', [contentId]);
    await recordUsage(tx, actor.viewer, contentId, UsageMetric.DOWNLOAD);
    return { url: mediaUrl(file), downloadCount: row!.download_count };
  });
}
