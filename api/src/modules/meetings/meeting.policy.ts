/**
 * Who keeps organisational life: the Party-affairs admins of an organisation plan, run and record
 * its meetings and those of its subtree (the committee above reviews); reviewers above read them.
 * Members read what they were invited to, and their branch's 大会 and 党课 (meeting.access.ts).
 */
import type { PolicyContributor } from '../../core/authz/ability.js';
import { Role } from '../../core/authz/roles.js';

declare module '../../core/authz/ability.js' {
  interface Actions {
    readOrganizationalLife: true; // on an Organization: its subtree's meetings, records, compliance
    manageOrganizationalLife: true; // on an Organization: plan, run, record; review the subtree's records
  }
}

export const MEETING_ACTIONS = {
  readOrganizationalLife: { on: 'Organization', description: 'Read the meetings, records and compliance of the subtree.' },
  manageOrganizationalLife: { on: 'Organization', description: 'Plan and record the subtree’s meetings; review the records submitted from below.' },
} as const;

export const meetingPolicy: PolicyContributor = (can, viewer) => {
  if (viewer.kind !== 'user') return;
  for (const grant of viewer.grants) {
    const subtree = { path: { $startsWith: grant.path } };
    if (grant.role === Role.ORG_ADMIN) can(['readOrganizationalLife', 'manageOrganizationalLife'], 'Organization', subtree);
    if (grant.role === Role.REVIEWER) can('readOrganizationalLife', 'Organization', subtree);
  }
};
