/** 在线学习: courses and class hours, the question bank, exams drawn at random and graded on the server, score reports, 错题本 and daily practice. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { registerClassHoursSource } from '../meetings/compliance.service.js';
import { hoursOf } from './course.service.js';
import { expireOverdue } from './attempt.service.js';
import { Course, CourseItem, StudyProgress } from './course.entity.js';
import { CourseResolver } from './course.resolver.js';
import { LearningMap, LearningMapItem } from './map.entity.js';
import { LearningMapResolver } from './map.resolver.js';
import { LearningReportResolver } from './learning-report.resolver.js';
import { LearningPoint, LearningProfile } from './points.entity.js';
import { POINTS_LOCAL_RULES } from './points.local-rules.js';
import { PointsResolver } from './points.resolver.js';
import { QuestionImport } from './question-import.entity.js';
import { questionImportRoutes } from './question-import.routes.js';
import { Attempt, AttemptItem, Exam, Question } from './learning.entity.js';
import { LEARNING_ACTIONS, learningPolicy } from './learning.policy.js';
import { AttemptResolver, ExamResolver, QuestionResolver } from './learning.resolver.js';
import { seedDemoLearning } from './learning.demo.js';
import { classHoursPerMember } from './learning.metrics.js';
import { examResultsDue, examResultsWebhook } from './exam.webhooks.js';

// The compliance calendar's 学时 come from here: courses completed and 党课 attended.
registerClassHoursSource(async (em, memberIds, year) => new Map([...(await hoursOf(em, memberIds, year))].map(([id, h]) => [id, h.online + h.offline])));

export default defineModule({
  name: 'learning',
  metrics: [classHoursPerMember],
  webhookEvents: [examResultsWebhook],
  reminders: [examResultsDue],
  entities: [Question, Exam, Attempt, AttemptItem, Course, CourseItem, StudyProgress, LearningMap, LearningMapItem, LearningPoint, LearningProfile, QuestionImport],
  resolvers: [QuestionResolver, ExamResolver, AttemptResolver, CourseResolver, LearningMapResolver, PointsResolver, LearningReportResolver],
  localRules: POINTS_LOCAL_RULES,
  routes: ({ contextFor, log }) => questionImportRoutes({ contextFor, log }),
  policy: learningPolicy,
  actions: LEARNING_ACTIONS,
  jobs: [
    {
      // Papers past their deadline are handed in by the server (every process; rows taken with SKIP LOCKED).
      name: 'learning: hand in overdue papers',
      start: ({ orm, log, config }) => {
        const every = config.read.integer('LEARNING_SWEEP_MS', 30_000, 100, 3_600_000);
        const timer = setInterval(() => {
          expireOverdue(orm.em.fork()).catch((error: unknown) => log.warn({ err: error }, 'handing in overdue papers failed'));
        }, every);
        timer.unref();
        return { stop: async () => clearInterval(timer) };
      },
    },
  ],
  seed: (em) => seedDemoLearning(em),
});
