/**
 * Who assesses: the Party-affairs admins of an organisation set schemes up for the organisations
 * below it, score their evidence, diagnose and close; the assessed organisation's admins submit
 * evidence and run its improvement actions. Reviewers read. Every grant reaches its subtree only.
 */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readAssessments: true; // on an Organization: the schemes it owns and the scorecards of its subtree
    manageAssessments: true; // on an Organization: set schemes up, score evidence, diagnose, close; submit its evidence, run its improvement actions
  }
}

export const ASSESSMENT_ACTIONS = {
  readAssessments: { on: 'Organization', description: 'Read the assessment schemes and scorecards of the subtree.' },
  manageAssessments: { on: 'Organization', description: 'Set assessment schemes up for the subtree and score them; submit evidence and run improvement actions for it.' },
} as const;

export const assessmentPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    const subtree = { path: { $startsWith: grant.path } };
    if (grant.role === Role.ORG_ADMIN) can(['readAssessments', 'manageAssessments'], 'Organization', subtree);
    if (grant.role === Role.REVIEWER) can('readAssessments', 'Organization', subtree);
  }
};
