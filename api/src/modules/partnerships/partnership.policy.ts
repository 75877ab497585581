/** Who proposes, accepts, declines and ends partnerships (共建): an enterprise's top-level admins. */
import { topLevelAdminGrants, type PolicyContributor } from '../../core/authz/ability.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    managePartnerships: true; // on an Enterprise
  }
}

export const partnershipPolicy: PolicyContributor = (can, viewer) => {
  for (const grant of topLevelAdminGrants(viewer)) can('managePartnerships', 'Enterprise', { id: grant.enterpriseId });
};
