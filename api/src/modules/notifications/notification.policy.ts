/** Who configures an enterprise's SMS and 企业微信 gateways: its top-level admins. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    manageNotificationGateways: true; // on an Enterprise
  }
}

export const notificationPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    if (grant.role === Role.ORG_ADMIN && grant.depth === 0) can('manageNotificationGateways', 'Enterprise', { id: grant.enterpriseId });
  }
};
