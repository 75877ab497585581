/** 党务公开: catalogue, the four steps, 公示 and feedback, read receipts. See CONTEXT.md. */
import './disclosure.kind.js';
import { defineModule } from '../../core/module.js';
import { Disclosure, DisclosureFeedback, DisclosureRead } from './disclosure.entity.js';
import { disclosureTodos, noticeClosing } from './disclosure.notifications.js';
import { DisclosureFeedbackResolver, DisclosureResolver } from './disclosure.resolver.js';
import { disclosurePolicy } from './disclosure.policy.js';
import { disclosuresOnTime, ON_TIME_WORKING_DAYS } from './disclosure.metrics.js';
import { feedbackReceivedWebhook, noticeClosed, noticeClosedWebhook, noticeOpened, noticeOpenedWebhook } from './disclosure.webhooks.js';
import { seedDemoDisclosures } from './disclosure.demo.js';

export default defineModule({
  name: 'disclosures',
  metrics: [disclosuresOnTime],
  localRules: [ON_TIME_WORKING_DAYS],
  policy: disclosurePolicy,
  entities: [Disclosure, DisclosureFeedback, DisclosureRead],
  resolvers: [DisclosureResolver, DisclosureFeedbackResolver],
  reminders: [noticeClosing, noticeOpened, noticeClosed],
  webhookEvents: [noticeOpenedWebhook, noticeClosedWebhook, feedbackReceivedWebhook],
  todos: [disclosureTodos],
  seed: (em) => seedDemoDisclosures(em),
});
