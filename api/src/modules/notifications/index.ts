/** Notifications: the inbox, e-mail, SMS and 企业微信 delivery, reminders and 待办. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Notification, NotificationDelivery, NotificationGateway, NotificationPreference, NotificationProfile, ReminderSent } from './notification.entity.js';
import { notificationPolicy } from './notification.policy.js';
import { NotificationResolver } from './notification.resolver.js';
import { startNotifications } from './runtime.js';

export default defineModule({
  name: 'notifications',
  entities: [Notification, NotificationDelivery, NotificationPreference, NotificationProfile, NotificationGateway, ReminderSent],
  resolvers: [NotificationResolver],
  policy: notificationPolicy,
  jobs: [{ name: 'notification delivery and reminders', start: (services) => startNotifications(services) }],
});
