/**
 * What organisational life asks of people (待办): records waiting for the committee's review,
 * meetings held but not yet recorded, and leave requests waiting for their host.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { TodoItem, TodoSource } from '../../core/module.js';
import type { Organization } from '../organizations/organization.entity.js';
import { Meeting, MeetingAttendee } from './meeting.entity.js';
import { meetingLink } from './meeting.notifications.js';
import { MEETING_LABEL, MeetingStatus } from './meeting-types.js';

export const meetingTodos: TodoSource = {
  name: 'meetings',
  async items(ctx, limit) {
    const manages = accessibleWhere<Organization>(ctx.ability, 'manageOrganizationalLife', 'Organization');
    const orgs = manages === null ? null : isUnrestricted(manages) ? {} : manages;
    const rows = orgs
      ? await ctx.em.find(
          Meeting,
          {
            $or: [
              { status: MeetingStatus.UNDER_REVIEW, reviewer: orgs },
              { status: { $in: [MeetingStatus.PLANNED, MeetingStatus.RETURNED] }, endsAt: { $lt: new Date() }, organization: orgs },
            ],
          } as FilterQuery<Meeting>,
          { orderBy: { updatedAt: 'asc' }, limit },
        )
      : [];
    const items: TodoItem[] = rows.map((m) => ({
      kind: 'meetings.record',
      title: `${m.status === MeetingStatus.UNDER_REVIEW ? '会议记录待审核' : m.status === MeetingStatus.RETURNED ? '会议记录被退回待修改' : '会议待记录'}：${MEETING_LABEL[m.type]}（${m.topic}）`,
      link: meetingLink(m.id),
      since: m.status === MeetingStatus.UNDER_REVIEW ? (m.submittedAt ?? m.updatedAt) : m.endsAt,
      dueAt: null,
      organizationId: m.organization.id,
    }));
    if (ctx.viewer.kind === 'user') {
      const leave = await ctx.em.find(
        MeetingAttendee,
        { attendance: 'LEAVE_REQUESTED', meeting: { host: { user: ctx.viewer.userId }, status: { $ne: MeetingStatus.CANCELLED } } } as FilterQuery<MeetingAttendee>,
        { populate: ['meeting'], limit },
      );
      for (const a of leave) {
        const m = a.meeting.getEntity();
        items.push({ kind: 'meetings.leave', title: `请假待审批：${m.topic}`, link: meetingLink(m.id), since: m.createdAt, dueAt: m.startsAt, organizationId: m.organization.id });
      }
    }
    return items.slice(0, limit);
  },
};
