/** API clients: created and revoked by an enterprise's top-level admins; keys shown once. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { ApiScope } from '../../core/authz/roles.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { ApiClient } from './api-client.entity.js';
import { API_KEY_PREFIX, newSecret, sha256 } from './tokens.js';
import { plainLine } from '../../core/graphql/text-input.js';

export async function createApiClient(
  em: EntityManager,
  actor: Actor,
  input: { enterpriseId: number; name: string; scopes: ApiScope[] },
): Promise<{ client: ApiClient; key: string }> {
  const me = requireUser(actor.viewer);
  const name = plainLine(input.name, 'name', 100, true);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('Give the key at least one scope.', 'scopes');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageApiClients', Enterprise, 'Enterprise', input.enterpriseId, 'The enterprise');
    const key = newSecret(API_KEY_PREFIX);
    const client = tx.create(ApiClient, {
      enterprise: input.enterpriseId,
      name,
      keyPrefix: key.slice(0, 12),
      keyHash: sha256(key),
      scopes,
      createdBy: me.userId,
    });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'apiClient.create', subjectType: 'ApiClient', subjectId: client.id, enterpriseId: input.enterpriseId, details: { name, scopes } });
    return { client, key };
  });
}

export async function revokeApiClient(em: EntityManager, actor: Actor, id: number): Promise<ApiClient> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const client = await tx.findOne(ApiClient, id);
    if (!client) throw notFound('The API client does not exist.');
    await assertCan(tx, actor, 'manageApiClients', Enterprise, 'Enterprise', client.enterprise.id, 'The API client');
    if (client.revokedAt) throw conflict('The API client is revoked already.');
    client.revokedAt = new Date();
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'apiClient.revoke', subjectType: 'ApiClient', subjectId: client.id, enterpriseId: client.enterprise.id });
    return client;
  });
}

/** Hours an old key keeps working after a rotation, by default and at most. */
export const ROTATION_GRACE_HOURS = { default: 24, max: 168 };

/**
 * Rotates a key (the enterprise's top-level admins): a new key, shown once; the old one keeps
 * working for a grace period (0 ends it at once) so the app can be redeployed without a gap.
 */
export async function rotateApiClient(em: EntityManager, actor: Actor, id: number, graceHours = ROTATION_GRACE_HOURS.default): Promise<{ client: ApiClient; key: string }> {
  requireUser(actor.viewer);
  if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > ROTATION_GRACE_HOURS.max) throw badInput(`A grace period of 0 to ${ROTATION_GRACE_HOURS.max} hours.`, 'graceHours');
  return em.transactional(async (tx) => {
    const client = await tx.findOne(ApiClient, id);
    if (!client) throw notFound('The API client does not exist.');
    await assertCan(tx, actor, 'manageApiClients', Enterprise, 'Enterprise', client.enterprise.id, 'The API client');
    if (client.revokedAt) throw conflict('A revoked key is not rotated; create a new client.');
    const key = newSecret(API_KEY_PREFIX);
    const now = new Date();
    Object.assign(client, {
      previousKeyHash: graceHours > 0 ? client.keyHash : null,
      previousKeyValidUntil: graceHours > 0 ? new Date(now.getTime() + graceHours * 3600_000) : null,
      keyHash: sha256(key),
      keyPrefix: key.slice(0, 12),
      rotatedAt: now,
    });
    await tx.flush();
    recordAudit(tx, actor.viewer, { action: 'apiClient.rotate', subjectType: 'ApiClient', subjectId: client.id, enterpriseId: client.enterprise.id, details: { graceHours } });
    return { client, key };
  });
}

/** The key's rate budget in the current window, as every process charges it (null before its first charge in this window). */
export async function budgetOf(em: EntityManager, clientId: number): Promise<{ limit: number; used: number; windowSeconds: number; resetsAt: Date } | null> {
  const [row] = await em.execute<{ key: string; window_start: Date; used: number; budget_limit: number }[]>(
    `select key, window_start, used, budget_limit from rate_budget where key like ? order by window_start desc limit 1`,
    [`key:${clientId}@%`],
  );
  if (!row) return null;
  const windowSeconds = Number(row.key.split('@')[1]!.replace('s', ''));
  const resetsAt = new Date(new Date(row.window_start).getTime() + windowSeconds * 1000);
  if (resetsAt <= new Date()) return { limit: row.budget_limit, used: 0, windowSeconds, resetsAt: new Date(Date.now() + windowSeconds * 1000) };
  return { limit: row.budget_limit, used: row.used, windowSeconds, resetsAt };
}
