/** What organisational life tells people: the invitation, a cancellation, leave asked, records to review and their outcome. */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineNotificationKind } from '../notifications/kinds.js';

export const INVITED = defineNotificationKind<{ type: string; topic: string; when: string; where: string }>({
  kind: 'meetings.invited',
  label: '会议通知',
  title: (p) => `${p.type}通知：${p.topic}`,
  body: (p) => `请于${p.when}参加${p.type}（${p.topic}），地点：${p.where}。不能参加的请在工作台请假。`,
  defaults: { EMAIL: true, SMS: true, WECOM: true },
});

export const CANCELLED = defineNotificationKind<{ type: string; topic: string; when: string; reason: string }>({
  kind: 'meetings.cancelled',
  label: '会议取消',
  title: (p) => `${p.type}取消：${p.topic}`,
  body: (p) => `原定${p.when}召开的${p.type}（${p.topic}）取消。${p.reason}`,
  defaults: { EMAIL: true, SMS: true, WECOM: true },
});

export const LEAVE_ASKED = defineNotificationKind<{ name: string; topic: string; reason: string }>({
  kind: 'meetings.leave_asked',
  label: '会议请假',
  title: (p) => `请假申请：${p.name}`,
  body: (p) => `${p.name}同志申请不参加“${p.topic}”，事由：${p.reason}。请审批。`,
  defaults: { EMAIL: false, SMS: false, WECOM: true },
});

export const RECORD_SUBMITTED = defineNotificationKind<{ organization: string; type: string; topic: string }>({
  kind: 'meetings.record_submitted',
  label: '会议记录待审核',
  title: (p) => `会议记录待审核：${p.organization}`,
  body: (p) => `${p.organization}报送了${p.type}（${p.topic}）的会议记录，请审核。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const RECORD_REVIEWED = defineNotificationKind<{ type: string; topic: string; outcome: string; note: string }>({
  kind: 'meetings.record_reviewed',
  label: '会议记录审核结果',
  title: (p) => `会议记录${p.outcome}：${p.topic}`,
  body: (p) => `${p.type}（${p.topic}）的会议记录${p.outcome}。${p.note ? `意见：${p.note}` : ''}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const meetingLink = (id: number) => `/workspace/meetings/${toGlobalId('Meeting', id)}`;
