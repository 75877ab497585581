/** 共建共享: the resource library, access requests, downloads. See CONTEXT.md. */
import './resource.kind.js';
import { defineModule } from '../../core/module.js';
import { ResourceRequest, SharedResource } from './resource.entity.js';
import { resourceTodos } from './resource.notifications.js';
import { ResourceRequestResolver, SharedResourceResolver } from './resource.resolver.js';
import { resourcePolicy } from './resource.policy.js';
import { requestDecidedWebhook } from './resource.webhooks.js';
import { seedDemoResources } from './resource.demo.js';

export default defineModule({
  name: 'resources', policy: resourcePolicy, entities: [SharedResource, ResourceRequest], resolvers: [SharedResourceResolver, ResourceRequestResolver], todos: [resourceTodos],
  webhookEvents: [requestDecidedWebhook],
  seed: (em) => seedDemoResources(em),
});
