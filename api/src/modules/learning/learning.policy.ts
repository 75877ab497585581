/**
 * Who keeps online learning: the Party-affairs admins of an organisation keep the question bank
 * and the exams of their subtree and read their reports; reviewers above read the reports. Members
 * sit the exams they are eligible for and read their own attempts (learning.access.ts).
 */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readLearning: true; // on an Organization: its subtree's exams and their reports
    manageLearning: true; // on an Organization: its question bank and exams
  }
}

export const LEARNING_ACTIONS = {
  readLearning: { on: 'Organization', description: 'Read the exams of the subtree and their reports.' },
  manageLearning: { on: 'Organization', description: 'Keep the question bank and the exams of the subtree.' },
} as const;

export const learningPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    const subtree = { path: { $startsWith: grant.path } };
    if (grant.role === Role.ORG_ADMIN) can(['readLearning', 'manageLearning'], 'Organization', subtree);
    if (grant.role === Role.REVIEWER) can('readLearning', 'Organization', subtree);
  }
};
