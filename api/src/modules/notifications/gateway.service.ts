/** An enterprise's SMS and 企业微信 gateways, set by its top-level admins; URLs checked for SSRF. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, type Actor } from '../../core/authz/check.js';
import { badInput } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { webhookRefusal } from './network.js';
import { Channel, NotificationGateway } from './notification.entity.js';

export async function setGateway(
  em: EntityManager,
  actor: Actor,
  input: { enterpriseId: number; channel: Channel; url: string; secret: string; allowPrivateNetwork: boolean },
): Promise<NotificationGateway> {
  if (input.channel === Channel.EMAIL) throw badInput('E-mail goes through the platform’s SMTP server (SMTP_URL), not a gateway.', 'channel');
  const url = input.url.trim();
  if (url.length > 500) throw badInput('The URL is at most 500 characters.', 'url');
  const secret = input.secret.trim();
  if (secret.length < 16 || secret.length > 200) throw badInput('The secret has 16–200 characters.', 'secret');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageNotificationGateways', Enterprise, 'Enterprise', input.enterpriseId, 'The enterprise');
    const refusal = await webhookRefusal(url, input.allowPrivateNetwork);
    if (refusal) throw badInput(`The gateway URL is refused: ${refusal}.`, 'url');
    const gateway = await tx.upsert(NotificationGateway, { enterprise: input.enterpriseId, channel: input.channel, url, secret, allowPrivateNetwork: input.allowPrivateNetwork, updatedAt: new Date() });
    recordAudit(tx, actor.viewer, { action: 'notification.gatewaySet', subjectType: 'Enterprise', subjectId: input.enterpriseId, enterpriseId: input.enterpriseId, details: { channel: input.channel, url, allowPrivateNetwork: input.allowPrivateNetwork } });
    await tx.flush();
    return gateway;
  });
}

export async function removeGateway(em: EntityManager, actor: Actor, enterpriseId: number, channel: Channel): Promise<void> {
  await em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageNotificationGateways', Enterprise, 'Enterprise', enterpriseId, 'The enterprise');
    await tx.nativeDelete(NotificationGateway, { enterprise: enterpriseId, channel });
    recordAudit(tx, actor.viewer, { action: 'notification.gatewayRemove', subjectType: 'Enterprise', subjectId: enterpriseId, enterpriseId, details: { channel } });
    await tx.flush();
  });
}
