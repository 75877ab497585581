/** Outgoing webhooks (事件推送): signed POSTs of the events an enterprise's endpoints subscribe to. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { recordWebhookEvents } from './outbox.js';
import { startWebhooks } from './runtime.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookNetwork } from './webhook.entity.js';
import { webhookPolicy } from './webhook.policy.js';
import { WebhookDeliveryResolver, WebhookResolver } from './webhook.resolver.js';

export default defineModule({
  name: 'webhooks',
  entities: [WebhookEndpoint, WebhookEvent, WebhookDelivery, WebhookAttempt, WebhookNetwork],
  resolvers: [WebhookResolver, WebhookDeliveryResolver],
  policy: webhookPolicy,
  actions: { manageWebhooks: { on: 'Enterprise', description: 'Manage the enterprise’s outgoing webhooks: endpoints, secrets, deliveries.' } },
  onEvent: recordWebhookEvents,
  jobs: [{ name: 'webhook fan-out and delivery', start: (services) => startWebhooks(services) }],
});
