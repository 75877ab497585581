/**
 * 事件推送 in the workspace: the portal's enterprise's outgoing webhooks, for its top-level admins —
 * an endpoint added (its signing secret shown once), changed, turned off and on, its secret
 * rotated, removed; its latest deliveries with every attempt, and a redelivery. The API decides who may.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import Webhooks from './Webhooks.astro';

const SCOPES = ['PUBLIC_READ', 'INTERNAL_READ'] as const;
type Scope = (typeof SCOPES)[number];

export const webhookPages: PageRoute[] = [
  {
    path: 'workspace/webhooks',
    signedIn: true,
    private: true,
    async handle({ site, form, field }) {
      const { enterprise, webhookEventTypes } = await request(DOCUMENTS.webhooks, 'Webhooks', { slug: site.portal.enterprise.slug });
      let error: string | null = null;
      let secret: string | null = null;
      if (form && enterprise) {
        const step = field('step');
        const id = field('id');
        const known = new Set(webhookEventTypes.map((t) => t.type));
        if (step === 'create') {
          const scope = (SCOPES as readonly string[]).includes(field('scope')) ? (field('scope') as Scope) : 'PUBLIC_READ';
          const eventTypes = form.getAll('eventType').map(String).filter((t) => known.has(t));
          const made = (await request(DOCUMENTS.webhooks, 'WebhookCreate', { enterpriseId: enterprise.id, input: { url: field('url'), description: field('description'), eventTypes, scope } })).webhookEndpointCreate;
          if (made.secret) secret = made.secret;
          else error = made.userErrors[0]?.message ?? '未能添加。';
        } else if (ID.test(id) && (step === 'enable' || step === 'disable')) {
          error = (await request(DOCUMENTS.webhooks, 'WebhookUpdate', { id, input: { enabled: step === 'enable' } })).webhookEndpointUpdate.userErrors[0]?.message ?? null;
        } else if (ID.test(id) && step === 'rotate') {
          const rotated = (await request(DOCUMENTS.webhooks, 'WebhookRotate', { id })).webhookEndpointRotateSecret;
          if (rotated.secret) secret = rotated.secret;
          else error = rotated.userErrors[0]?.message ?? '未能更换密钥。';
        } else if (ID.test(id) && step === 'delete') {
          error = (await request(DOCUMENTS.webhooks, 'WebhookDelete', { id })).webhookEndpointDelete.userErrors[0]?.message ?? null;
        } else if (ID.test(id) && step === 'redeliver') {
          error = (await request(DOCUMENTS.webhooks, 'WebhookRedeliver', { deliveryId: id })).webhookRedeliver.userErrors[0]?.message ?? null;
        }
      }
      const endpoints = enterprise ? await request(DOCUMENTS.webhooks, 'WebhookEndpoints', { enterpriseId: enterprise.id }) : null;
      return page(Webhooks, { site, enterprise, eventTypes: webhookEventTypes, endpoints, secret, error }, { title: '事件推送', description: '向第三方系统推送平台事件。', section: 'workspace' });
    },
  },
];
