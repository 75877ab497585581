/** 组织生活: 三会一课, 主题党日, 组织生活会 and 民主评议 meetings — sign-in, records, votes — and compliance with §6. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { registerFileReader } from '../media/file-readers.js';
import { readsMeetingFile } from './meeting.access.js';
import { LifeResolver } from './life.resolver.js';
import { HeartTalk, LifeRequirement } from './life.entity.js';
import { LifeExemption, Meeting, MeetingAttendee, MeetingCorrection, MeetingMotion } from './meeting.entity.js';
import { MEETING_ACTIONS, meetingPolicy } from './meeting.policy.js';
import { MeetingResolver } from './meeting.resolver.js';
import { MeetingLiveResolver } from './meeting.live.js';
import { MEETING_LOCAL_RULES } from './meeting.local-rules.js';
import { lifeDue, meetingTomorrow } from './meeting.reminders.js';
import { meetingTodos } from './meeting.todo.js';
import { seedDemoMeetings } from './meetings.demo.js';
import { lifeCompliance } from './meeting.metrics.js';
import { meetingApprovedWebhook } from './meeting.webhooks.js';

// Those who read a meeting's record fetch its photos and attachments.
registerFileReader(readsMeetingFile);

export default defineModule({
  name: 'meetings',
  metrics: [lifeCompliance],
  webhookEvents: [meetingApprovedWebhook],
  entities: [Meeting, MeetingAttendee, MeetingMotion, MeetingCorrection, LifeExemption, LifeRequirement, HeartTalk],
  resolvers: [MeetingResolver, LifeResolver, MeetingLiveResolver],
  policy: meetingPolicy,
  actions: MEETING_ACTIONS,
  localRules: MEETING_LOCAL_RULES,
  reminders: [meetingTomorrow, lifeDue],
  todos: [meetingTodos],
  seed: (em) => seedDemoMeetings(em),
});
