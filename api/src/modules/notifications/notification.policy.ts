/** Who configures an enterprise's SMS and 企业微信 gateways: its top-level admins. */
import { topLevelAdminGrants, type PolicyContributor } from '../../core/authz/ability.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    manageNotificationGateways: true; // on an Enterprise
  }
}

export const notificationPolicy: PolicyContributor = (can, viewer) => {
  for (const grant of topLevelAdminGrants(viewer)) can('manageNotificationGateways', 'Enterprise', { id: grant.enterpriseId });
};
