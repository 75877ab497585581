/** Who manages an enterprise's outgoing webhooks: its top-level admins (and platform admins). */
import { topLevelAdminGrants, type PolicyContributor } from '../../core/authz/ability.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    manageWebhooks: true; // on an Enterprise: its webhook endpoints, their deliveries and secrets
  }
}

export const webhookPolicy: PolicyContributor = (can, viewer) => {
  for (const grant of topLevelAdminGrants(viewer)) can('manageWebhooks', 'Enterprise', { id: grant.enterpriseId });
};
