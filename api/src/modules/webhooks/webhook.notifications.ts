/** What the webhooks module tells: an enterprise's top-level admins that an endpoint was disabled. */
import { defineNotificationKind } from '../notifications/kinds.js';

export const WEBHOOK_DISABLED = defineNotificationKind<{ url: string; failures: string }>({
  kind: 'webhook.disabled',
  label: '推送地址已停用',
  title: () => '推送地址连续投递失败，已停用',
  body: (p) => `推送地址 ${p.url} 连续 ${p.failures} 次投递失败，平台已停用该地址；未送达的事件已保留。请检查接收方后在“事件推送”页重新启用。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});
