/** Endpoints, secrets, redeliveries and the network setting; every change audited. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { ApiScope } from '../../core/authz/roles.js';
import { badInput, conflict, forbidden, notFound } from '../../core/graphql/errors.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { webhookEventDefinitions } from '../../core/module.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { newSecret } from '../identity/tokens.js';
import { webhookRefusal } from '../notifications/network.js';
import { deliverSoon } from './runtime.js';
import { DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookNetwork } from './webhook.entity.js';

/** Endpoints per enterprise. */
export const MAX_ENDPOINTS = 20;
const SECRET_PREFIX = 'whsec_';
const SCOPES: readonly ApiScope[] = [ApiScope.PUBLIC_READ, ApiScope.INTERNAL_READ];

export interface EndpointInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  scope?: ApiScope | null;
}

async function allowsPrivateNetwork(em: EntityManager, enterpriseId: number): Promise<boolean> {
  return (await em.findOne(WebhookNetwork, { enterprise: enterpriseId }))?.allowPrivateNetwork ?? false;
}

async function checkedUrl(em: EntityManager, raw: string, enterpriseId: number): Promise<string> {
  const url = plainLine(raw, 'url', 500, true);
  const refusal = await webhookRefusal(url, await allowsPrivateNetwork(em, enterpriseId));
  if (refusal) throw badInput(`This URL cannot receive webhooks: ${refusal}.`, 'url');
  return url;
}

function checkedTypes(types: string[]): string[] {
  const known = webhookEventDefinitions();
  const unique = [...new Set(types)];
  if (unique.length === 0) throw badInput('Choose at least one event type.', 'eventTypes');
  const unknown = unique.find((t) => !known.has(t));
  if (unknown) throw badInput(`There is no webhook event type “${unknown.slice(0, 60)}”.`, 'eventTypes');
  return unique;
}

function checkedScope(scope: ApiScope): ApiScope {
  if (!SCOPES.includes(scope)) throw badInput('An endpoint reads with PUBLIC_READ or INTERNAL_READ.', 'scope');
  return scope;
}

async function manageable(tx: EntityManager, actor: Actor, id: number): Promise<WebhookEndpoint> {
  requireUser(actor.viewer);
  const endpoint = await tx.findOne(WebhookEndpoint, id);
  if (!endpoint) throw notFound('The webhook endpoint does not exist.');
  await assertCan(tx, actor, 'manageWebhooks', Enterprise, 'Enterprise', endpoint.enterprise.id, 'The webhook endpoint');
  return endpoint;
}

export async function createEndpoint(em: EntityManager, actor: Actor, enterpriseId: number, input: EndpointInput & { url: string; eventTypes: string[]; scope: ApiScope }): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const me = requireUser(actor.viewer);
  const eventTypes = checkedTypes(input.eventTypes);
  const scope = checkedScope(input.scope);
  const description = plainLine(input.description, 'description', 200);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageWebhooks', Enterprise, 'Enterprise', enterpriseId, 'The enterprise');
    const url = await checkedUrl(tx, input.url, enterpriseId);
    if ((await tx.count(WebhookEndpoint, { enterprise: enterpriseId })) >= MAX_ENDPOINTS) throw conflict(`An enterprise has at most ${MAX_ENDPOINTS} webhook endpoints.`, 'url');
    const secret = newSecret(SECRET_PREFIX);
    const endpoint = tx.create(WebhookEndpoint, { enterprise: enterpriseId, url, description, eventTypes, scope, secret, createdBy: me.userId });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'webhook.create', subjectType: 'WebhookEndpoint', subjectId: endpoint.id, enterpriseId, details: { url, eventTypes, scope } });
    return { endpoint, secret };
  });
}

/** Changes an endpoint; `enabled: true` turns a disabled one back on and sends what waited. */
export async function updateEndpoint(em: EntityManager, actor: Actor, id: number, input: EndpointInput & { enabled?: boolean | null }): Promise<WebhookEndpoint> {
  const endpoint = await em.transactional(async (tx) => {
    const endpoint = await manageable(tx, actor, id);
    const enterpriseId = endpoint.enterprise.id;
    if (input.url != null) endpoint.url = await checkedUrl(tx, input.url, enterpriseId);
    if (input.description != null) endpoint.description = plainLine(input.description, 'description', 200);
    if (input.eventTypes != null) endpoint.eventTypes = checkedTypes(input.eventTypes);
    if (input.scope != null) endpoint.scope = checkedScope(input.scope);
    if (input.enabled === true && endpoint.disabledAt) Object.assign(endpoint, { disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    if (input.enabled === false && !endpoint.disabledAt) Object.assign(endpoint, { disabledAt: new Date(), disabledReason: '管理员停用' });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'webhook.update', subjectType: 'WebhookEndpoint', subjectId: endpoint.id, enterpriseId, details: { ...input } });
    return endpoint;
  });
  if (!endpoint.disabledAt) await deliverSoon(em, endpoint.id);
  return endpoint;
}

/** A new secret, shown once; the old one stops signing at once (receivers switch with it). */
export async function rotateSecret(em: EntityManager, actor: Actor, id: number): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  return em.transactional(async (tx) => {
    const endpoint = await manageable(tx, actor, id);
    const secret = newSecret(SECRET_PREFIX);
    endpoint.secret = secret;
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'webhook.rotateSecret', subjectType: 'WebhookEndpoint', subjectId: endpoint.id, enterpriseId: endpoint.enterprise.id });
    return { endpoint, secret };
  });
}

export async function deleteEndpoint(em: EntityManager, actor: Actor, id: number): Promise<void> {
  await em.transactional(async (tx) => {
    const endpoint = await manageable(tx, actor, id);
    recordAudit(tx, actor.viewer, { action: 'webhook.delete', subjectType: 'WebhookEndpoint', subjectId: endpoint.id, enterpriseId: endpoint.enterprise.id, details: { url: endpoint.url } });
    tx.remove(endpoint);
  });
}

/** Sends a delivery again, as a new delivery with the same body (receivers deduplicate on the event id). */
export async function redeliver(em: EntityManager, actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
  const copy = await em.transactional(async (tx) => {
    const original = await tx.findOne(WebhookDelivery, deliveryId);
    if (!original) throw notFound('The delivery does not exist.');
    await manageable(tx, actor, original.endpoint.id);
    if (original.state === DeliveryState.PENDING) throw conflict('The delivery is still waiting to be sent; it is retried by itself.');
    const copy = tx.create(WebhookDelivery, { enterprise: original.enterprise, endpoint: original.endpoint, event: original.event, type: original.type, body: original.body, redeliveryOf: original.id });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'webhook.redeliver', subjectType: 'WebhookEndpoint', subjectId: original.endpoint.id, enterpriseId: original.enterprise.id, details: { deliveryId } });
    return copy;
  });
  await deliverSoon(em, copy.endpoint.id);
  return copy;
}

/** Whether an enterprise's endpoints may be on a private network: the platform admins' decision. */
export async function setNetwork(em: EntityManager, actor: Actor, enterpriseId: number, allowPrivateNetwork: boolean): Promise<WebhookNetwork> {
  const me = requireUser(actor.viewer);
  if (!me.isPlatformAdmin) throw forbidden('Only platform admins open a private network to an enterprise’s webhooks.');
  return em.transactional(async (tx) => {
    if (!(await tx.findOne(Enterprise, enterpriseId))) throw notFound('The enterprise does not exist.');
    const setting = (await tx.findOne(WebhookNetwork, { enterprise: enterpriseId })) ?? tx.create(WebhookNetwork, { enterprise: enterpriseId });
    setting.allowPrivateNetwork = allowPrivateNetwork;
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'webhook.network', subjectType: 'Enterprise', subjectId: enterpriseId, enterpriseId, details: { allowPrivateNetwork } });
    return setting;
  });
}
