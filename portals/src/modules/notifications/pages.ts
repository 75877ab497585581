/** The member's notifications: the inbox (opening one marks it read and follows its link), settings, 待办. */
import { DOCUMENTS, request } from '../../lib/api.js';
import type { NotificationSettingsUpdateVariables } from '../../lib/operations.generated.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import Inbox from './Inbox.astro';
import Settings from './Settings.astro';
import Todo from './Todo.astro';

const CHANNELS = ['EMAIL', 'SMS', 'WECOM'] as const;

/** A notification's link is a path inside the portal (with a plain query); anything else stays in the inbox. */
const inside = (link: string | null) => (link && /^\/[A-Za-z0-9/_-]*(\?[A-Za-z0-9_=&-]*)?$/.test(link) ? link : '/workspace/notifications');

export const notificationPages: PageRoute[] = [
  {
    path: 'workspace/notifications',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      if (form) {
        if (field('action') === 'all') {
          await request(DOCUMENTS.notifications, 'NotificationsReadAll', {});
          return redirect('/workspace/notifications');
        }
        if (ID.test(field('id'))) {
          await request(DOCUMENTS.notifications, 'NotificationOpen', { id: field('id') });
          return redirect(inside(field('link') || null));
        }
      }
      const data = await request(DOCUMENTS.notifications, 'Inbox', { after: url.searchParams.get('after') });
      return page(Inbox, { site, data }, { title: '消息通知', description: '我的消息通知。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/notifications/settings',
    signedIn: true,
    private: true,
    async handle({ site, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        const current = (await request(DOCUMENTS.notifications, 'NotificationSettings', {})).notificationSettings;
        const input: NotificationSettingsUpdateVariables['input'] = {
          quietFrom: field('quietFrom') || null,
          quietUntil: field('quietUntil') || null,
          emailDigest: field('emailDigest') === 'on',
          wecomUserId: field('wecomUserId'),
          kinds: current.kinds.map((k) => ({ kind: k.kind, channels: CHANNELS.filter((c) => form.getAll(`kind:${k.kind}`).includes(c)) })),
        };
        const [problem] = (await request(DOCUMENTS.notifications, 'NotificationSettingsUpdate', { input })).notificationSettingsUpdate.userErrors;
        if (!problem) return redirect('/workspace/notifications/settings?saved=1');
        error = problem.field?.at(-1)?.startsWith('quiet') ? '免打扰时段请填写 HH:MM 格式的时间，例如 22:00。' : '设置未保存，请检查填写的内容。';
      }
      const data = (await request(DOCUMENTS.notifications, 'NotificationSettings', {})).notificationSettings;
      return page(Settings, { site, data, error }, { title: '通知设置', description: '选择接收通知的方式。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/todo',
    signedIn: true,
    private: true,
    async handle({ site }) {
      const items = (await request(DOCUMENTS.notifications, 'Todo', {})).todo;
      return page(Todo, { site, items }, { title: '待办', description: '等待我处理的事项。', section: 'workspace' });
    },
  },
];
