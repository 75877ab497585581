/**
 * LOCAL rules are not secret: everyone holding a role in an enterprise reads its settings (a
 * refusal names them). Its top-level admins set them.
 */
import { topLevelAdminGrants, type PolicyContributor } from '../../core/authz/ability.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readLocalRules: true; // on an Enterprise
    manageLocalRules: true; // on an Enterprise
  }
}

export const localRulesPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) can('readLocalRules', 'Enterprise', { id: grant.enterpriseId });
  for (const grant of topLevelAdminGrants(viewer)) can('manageLocalRules', 'Enterprise', { id: grant.enterpriseId });
};
