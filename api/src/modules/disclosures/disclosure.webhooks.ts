/**
 * 党务公开 events outgoing webhooks may subscribe to: a 公示 window opened or closed (time-driven:
 * found by two date rules of the reminder pass, each sent once) and feedback received (that it
 * arrived — never its text or author, which only the owner's reviewers and admins read).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { emit } from '../../core/events/bus.js';
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent, type ReminderRule } from '../../core/module.js';
import { contentWebhookData } from '../content/content.webhooks.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** A 公示 window opened or closed (its start or end time came). */
    'disclosure.notice': { id: string; enterpriseId: number; phase: 'OPENED' | 'CLOSED'; at: string };
    /** Feedback was left on a 公示. */
    'disclosure.feedbackReceived': { id: string; feedbackId: string; enterpriseId: number };
  }
}

/** How far back a window's start or end is still announced (a process that was down catches up). */
const LOOK_BACK = `interval '2 days'`;

function noticeRule(phase: 'OPENED' | 'CLOSED'): ReminderRule {
  const column = phase === 'OPENED' ? 'notice_starts_at' : 'notice_ends_at';
  return {
    name: phase === 'OPENED' ? 'disclosure.noticeOpened' : 'disclosure.noticeClosed',
    description: `When a 公示 ${phase === 'OPENED' ? 'opens' : 'closes'}: the event for outgoing webhooks.`,
    async due(em, now) {
      const rows = await em.execute<{ id: string; enterprise_id: number; at: Date }[]>(
        `select c.id, c.enterprise_id, d.${column} as at from disclosure d join content c on c.id = d.content_id
          where d.${column} <= ? and d.${column} > ?::timestamptz - ${LOOK_BACK} and c.status = 'PUBLISHED'`,
        [now, now],
      );
      return rows.map((r) => ({
        enterpriseId: r.enterprise_id,
        subject: String(r.id),
        due: new Date(r.at).toISOString(),
        send: (tx: EntityManager) => emit(tx, { type: 'disclosure.notice', id: String(r.id), enterpriseId: r.enterprise_id, phase, at: new Date(r.at).toISOString() }),
      }));
    },
  };
}

export const noticeOpened = noticeRule('OPENED');
export const noticeClosed = noticeRule('CLOSED');

function noticeWebhook(phase: 'OPENED' | 'CLOSED') {
  return defineWebhookEvent({
    type: phase === 'OPENED' ? 'disclosure.noticeOpened' : 'disclosure.noticeClosed',
    label: phase === 'OPENED' ? '公示开始' : '公示结束',
    description: `A 公示 window ${phase === 'OPENED' ? 'opened' : 'closed'}: the disclosure’s public fields and the time.`,
    source: 'disclosure.notice',
    enterprises: (_em, event) => (event.phase === phase ? [event.enterpriseId] : []),
    async data(em, actor, event) {
      const disclosure = await contentWebhookData(em, actor, event.id);
      return disclosure && { disclosure, at: event.at };
    },
  });
}

export const noticeOpenedWebhook = noticeWebhook('OPENED');
export const noticeClosedWebhook = noticeWebhook('CLOSED');

export const feedbackReceivedWebhook = defineWebhookEvent({
  type: 'disclosure.feedbackReceived',
  label: '公示收到意见',
  description: 'Feedback was left on a 公示: the disclosure and the feedback’s id (its text and author are not sent).',
  source: 'disclosure.feedbackReceived',
  enterprises: (_em, event) => [event.enterpriseId],
  async data(em, actor, event) {
    const disclosure = await contentWebhookData(em, actor, event.id);
    return disclosure && { disclosure, feedbackId: toGlobalId('DisclosureFeedback', event.feedbackId) };
  },
});
