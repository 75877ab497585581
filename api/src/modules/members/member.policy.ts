/**
 * Who sees member records (党员信息库): the Party-affairs admins of the member's branch and above
 * read and manage them with personal data in clear; reviewers at or above read them masked; a
 * member reads their own record. Nobody else — never the public, never another enterprise (a
 * partnership opens content, not people), never an API key.
 */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readMemberRecords: true; // on an Organization: its subtree's member records (personal data masked)
    manageMemberRecords: true; // on an Organization: create and change records, see personal data whole
  }
}

export const MEMBER_ACTIONS = {
  readMemberRecords: { on: 'Organization', description: 'Read the member records of the subtree (personal data masked).' },
  manageMemberRecords: { on: 'Organization', description: 'Keep the member records of the subtree, personal data in clear.' },
} as const;

export const memberPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    const subtree = { path: { $startsWith: grant.path } };
    if (grant.role === Role.ORG_ADMIN) can(['readMemberRecords', 'manageMemberRecords'], 'Organization', subtree);
    if (grant.role === Role.REVIEWER) can('readMemberRecords', 'Organization', subtree);
  }
};
