/**
 * 组织生活 events outgoing webhooks may subscribe to: a meeting's record approved. Internal, and
 * never personal: the type, organisation, time and head counts — no topic (it may name a person),
 * no minutes, no names.
 */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineWebhookEvent, readsInternally } from '../../core/module.js';
import { MEETING_LABEL, type MeetingType } from './meeting-types.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** A meeting's record was approved (by the committee above, or at once where none reviews it). */
    'meetings.approved': { meetingId: number; organizationId: number; enterpriseId: number };
  }
}

export const approvedEvent = (meeting: { id: number; organization: { id: number }; enterprise: { id: number } }) => ({
  type: 'meetings.approved' as const,
  meetingId: meeting.id,
  organizationId: meeting.organization.id,
  enterpriseId: meeting.enterprise.id,
});

export const meetingApprovedWebhook = defineWebhookEvent({
  type: 'meeting.approved',
  label: '会议记录审核通过',
  description: 'A meeting’s record (三会一课, 主题党日…) was approved: its type, organisation, time and attendance counts — no topic, minutes or names. INTERNAL_READ endpoints only.',
  source: 'meetings.approved',
  enterprises: (_em, event) => [event.enterpriseId],
  async data(em, actor, event) {
    if (!readsInternally(actor, [event.enterpriseId])) return null;
    const [row] = await em.execute<{ type: MeetingType; starts_at: Date; approved_at: Date; organization_name: string; present: number; expected: number }[]>(
      `select m.type, m.starts_at, m.approved_at, o.name as organization_name,
              (select count(*)::int from meeting_attendee a where a.meeting_id = m.id and a.attendance = 'PRESENT') as present,
              (select count(*)::int from meeting_attendee a where a.meeting_id = m.id) as expected
         from meeting m join organization o on o.id = m.organization_id where m.id = ? and m.status = 'APPROVED'`,
      [event.meetingId],
    );
    if (!row) return null;
    return {
      id: toGlobalId('Meeting', event.meetingId),
      type: row.type,
      typeLabel: MEETING_LABEL[row.type],
      organization: { id: toGlobalId('Organization', event.organizationId), name: row.organization_name },
      startsAt: new Date(row.starts_at).toISOString(),
      approvedAt: new Date(row.approved_at).toISOString(),
      attendance: { present: row.present, invited: row.expected },
    };
  },
});
