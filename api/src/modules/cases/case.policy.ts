/** What 经验交流 adds to the content rules: reviewers and admins above the owner moderate comments. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { ownedBelow, REVIEWERS } from '../content/content.policy.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    moderate: true; // hide and restore comments on an item
  }
}

export const casePolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) if (REVIEWERS.includes(grant.role)) can('moderate', 'Content', ownedBelow(grant.path));
};
