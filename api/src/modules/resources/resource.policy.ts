/** What 共建共享 adds to the content rules: admins at or above the owner decide access requests. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';
import { ownedBelow } from '../content/content.policy.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    decideRequests: true; // approve or reject requests for access to a resource
  }
}

export const resourcePolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) if (grant.role === Role.ORG_ADMIN) can('decideRequests', 'Content', ownedBelow(grant.path));
};
