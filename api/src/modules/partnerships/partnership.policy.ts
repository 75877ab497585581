/** Who proposes, accepts, declines and ends partnerships (共建): an enterprise's top-level admins. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    managePartnerships: true; // on an Enterprise
  }
}

export const partnershipPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    if (grant.role === Role.ORG_ADMIN && grant.depth === 0) can('managePartnerships', 'Enterprise', { id: grant.enterpriseId });
  }
};
