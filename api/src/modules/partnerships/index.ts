/** 共建 between enterprises: what PARTNERS visibility follows. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Partnership, PartnerLink } from './partnership.entity.js';
import { partnershipTodos } from './partnership.notifications.js';
import { partnershipPolicy } from './partnership.policy.js';
import { EnterprisePartnersResolver, PartnershipResolver } from './partnership.resolver.js';
import { partnershipChangedWebhook } from './partnership.webhooks.js';
import { seedDemoPartnership } from './partnership.demo.js';

export default defineModule({ name: 'partnerships', entities: [Partnership, PartnerLink], resolvers: [PartnershipResolver, EnterprisePartnersResolver], policy: partnershipPolicy, todos: [partnershipTodos],
  webhookEvents: [partnershipChangedWebhook],
  seed: (em) => seedDemoPartnership(em),
});
