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
