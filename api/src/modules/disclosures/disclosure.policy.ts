/**
 * What 党务公开 adds to the content rules: 审批 by an admin at or above the owner (never on their
 * own item), and the feedback on a 公示 (reading and replying) for reviewers and admins above.
 */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';
import { ContentStatus } from '../content/content-enums.js';
import { ownedBelow, REVIEWERS } from '../content/content.policy.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    approveDisclosure: true; // 审批: an admin approves a reviewed disclosure
    readFeedback: true; // the feedback on a disclosure, and replying to it
  }
}

export const disclosurePolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    if (!REVIEWERS.includes(grant.role)) continue;
    can('readFeedback', 'Content', ownedBelow(grant.path));
    if (grant.role === Role.ORG_ADMIN) {
      can('approveDisclosure', 'Content', { ...ownedBelow(grant.path), status: ContentStatus.IN_REVIEW, $or: [{ author: null }, { author: { $ne: viewer.userId } }] });
    }
  }
};
