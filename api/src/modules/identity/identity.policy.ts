/** Who manages an enterprise's API clients (and its allowed browser origins): its top-level admins. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    manageApiClients: true; // on an Enterprise: its API keys and allowed browser origins
  }
}

export const identityPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    // Top-level admins: at a root of the enterprise's tree.
    if (grant.role === Role.ORG_ADMIN && grant.depth === 0) can('manageApiClients', 'Enterprise', { id: grant.enterpriseId });
  }
};
