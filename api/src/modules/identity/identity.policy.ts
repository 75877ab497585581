/** Who manages an enterprise's API clients (and its allowed browser origins): its top-level admins. */
import { topLevelAdminGrants, type PolicyContributor } from '../../core/authz/ability.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    manageApiClients: true; // on an Enterprise: its API keys and allowed browser origins
  }
}

export const identityPolicy: PolicyContributor = (can, viewer) => {
  for (const grant of topLevelAdminGrants(viewer)) can('manageApiClients', 'Enterprise', { id: grant.enterpriseId });
};
