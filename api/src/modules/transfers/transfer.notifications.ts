/** What transfers tell people: the member when the letter is issued (by SMS too), the receiving admins, the applicant on a decision. */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineNotificationKind } from '../notifications/kinds.js';
import { notify } from '../notifications/notify.js';
import type { Transfer } from './transfer.entity.js';

export const LETTER_ISSUED = defineNotificationKind<{ destination: string; validUntil: string; letter: string }>({
  kind: 'transfers.letter_issued',
  label: '组织关系介绍信已开具',
  title: (p) => `组织关系介绍信已开具（${p.letter}）`,
  body: (p) => `您的党组织关系介绍信已开具，请于${p.validUntil}前到${p.destination}报到。`,
  defaults: { EMAIL: true, SMS: true, WECOM: true },
});

export const INCOMING = defineNotificationKind<{ name: string; from: string; validUntil: string }>({
  kind: 'transfers.incoming',
  label: '组织关系转入',
  title: (p) => `组织关系转入待接收：${p.name}`,
  body: (p) => `${p.from}开具了${p.name}同志的组织关系介绍信，有效期至${p.validUntil}，请及时接收。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const DECIDED = defineNotificationKind<{ name: string; outcome: string; opinion: string }>({
  kind: 'transfers.decided',
  label: '组织关系转接办理结果',
  title: (p) => `组织关系转接：${p.outcome}`,
  body: (p) => `${p.name}同志的组织关系转接申请${p.outcome}。${p.opinion ? `意见：${p.opinion}` : ''}`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const WAITING = defineNotificationKind<{ name: string; what: string }>({
  kind: 'transfers.waiting',
  label: '组织关系转接待办理',
  title: (p) => `组织关系转接：${p.name}`,
  body: (p) => `${p.name}同志的组织关系转接${p.what}。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const transferLink = (transfer: Transfer) => `/workspace/transfers/${toGlobalId('Transfer', transfer.id)}`;

export { notify };
