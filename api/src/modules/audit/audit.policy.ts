/** Who reads the audit log: admins over their subtree; top-level admins also the enterprise's own events. */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readAudit: true;
  }
}

export const AUDIT_ACTIONS = {
  readAudit: { on: 'Organization', description: 'Read the audit log of the organisation’s subtree.' },
} as const;

export const auditPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    if (grant.role !== Role.ORG_ADMIN) continue;
    can('readAudit', 'Organization', { path: { $startsWith: grant.path } });
    if (grant.depth === 0) can('readAudit', 'Enterprise', { id: grant.enterpriseId });
  }
};
