/**
 * One CASL ability per request, built from who the caller is:
 *  - anonymous: reads what is public;
 *  - a signed-in user: public reads, plus what each membership grants over its organisation's
 *    subtree (never upward, never sideways, never into another enterprise);
 *  - an API client: exactly its scopes, inside its own enterprise.
 *
 * Rules are never evaluated in memory: `sql-filter.ts` turns them into SQL, and checks on a single
 * row ask whether that row passes the filter (see check.ts). Subtrees are `path: { $startsWith }`
 * on the materialised path.
 */
import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { ApiScope, Role } from './roles.js';

export type Action =
  | 'read'
  | 'update' // rename, reorder
  | 'createChild'
  | 'move' // re-parent; only strictly below one's own organisation
  | 'archive'
  | 'readMembers'
  | 'manageMembers' // grant and revoke EDITOR, REVIEWER, MEMBER
  | 'manageAdmins' // grant and revoke ORG_ADMIN: only from strictly above
  | 'readAudit'
  | 'manageApiClients'
  | 'managePartnerships' // on an Enterprise: propose, accept, decline and end partnerships
  | 'createContent' // on an Organization: write content owned by it
  | 'edit'
  | 'submit'
  | 'review' // approve or reject
  | 'publishControl' // unpublish, archive, pin
  | 'readHistory' // revisions
  | 'reviewQueue' // be told about items entering and leaving review
  | 'decideRecommendations' // on an Organization: accept or decline what was recommended to it
  | 'useMedia' // on an Organization: upload files for it, and fetch and use its files
  | 'approveDisclosure' // 审批: an admin approves a reviewed disclosure
  | 'readFeedback' // the feedback on a disclosure, and replying to it
  | 'moderate' // hide and restore comments on an item
  | 'readStatistics' // an item's usage figures (views, downloads, adoptions, requests)
  | 'decideRequests' // approve or reject requests for access to a resource
  | 'manage';
export type SubjectType = 'Enterprise' | 'Organization' | 'Portal' | 'Content' | 'all';
/** Conditions are plain filter objects: they are translated to SQL, never matched in memory. */
export type AppAbility = MongoAbility<[Action, SubjectType], Record<string, any>>;

/** A role held at an organisation, with what the ability needs to know about that organisation. */
export interface Grant {
  membershipId: number;
  role: Role;
  organizationId: number;
  path: string;
  depth: number;
  enterpriseId: number;
}

export type Viewer =
  | { kind: 'anonymous'; ip: string | null }
  | { kind: 'user'; userId: number; sessionId: string; isPlatformAdmin: boolean; grants: Grant[]; ip: string | null }
  | { kind: 'apiClient'; apiClientId: number; enterpriseId: number; scopes: ApiScope[]; ip: string | null }
  /** The platform itself (demo seed, maintenance scripts): explicit, never inferred from a request. */
  | { kind: 'system'; ip: null };

export const ANONYMOUS: Viewer = { kind: 'anonymous', ip: null };
export const SYSTEM: Viewer = { kind: 'system', ip: null };

const ADMIN_OVER_SUBTREE: Action[] = ['read', 'update', 'createChild', 'readMembers', 'manageMembers', 'readAudit'];

type Can = AbilityBuilder<AppAbility>['can'];

/**
 * Rules a domain module adds for its own subjects (e.g. content.policy.ts), so this file does not
 * need to know every module's vocabulary. Contributors run for every viewer except `system`.
 */
export type PolicyContributor = (can: Can, viewer: Exclude<Viewer, { kind: 'system' }>, now: Date) => void;
const contributors: PolicyContributor[] = [];
export function registerPolicy(contributor: PolicyContributor): void {
  contributors.push(contributor);
}

export function defineAbilityFor(viewer: Viewer): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

  if (viewer.kind === 'system') {
    can('manage', 'all');
    return build();
  }

  const now = new Date();
  for (const contribute of contributors) contribute(can, viewer, now);

  if (viewer.kind === 'apiClient') {
    // A key reads inside its own enterprise only; its scopes say how far.
    if (viewer.scopes.includes(ApiScope.PUBLIC_READ) || viewer.scopes.includes(ApiScope.INTERNAL_READ)) {
      can('read', 'Enterprise', { id: viewer.enterpriseId });
      can('read', 'Organization', { enterprise: viewer.enterpriseId, archivedAt: null });
      can('read', 'Portal', { enterprise: viewer.enterpriseId });
    }
    return build();
  }

  // Public: enterprises, their active organisations and their portals.
  can('read', ['Enterprise', 'Portal']);
  can('read', 'Organization', { archivedAt: null });

  if (viewer.kind === 'user') {
    if (viewer.isPlatformAdmin) can('manage', 'all');
    for (const grant of viewer.grants) {
      if (grant.role !== Role.ORG_ADMIN) continue;
      const subtree = { $startsWith: grant.path };
      can(ADMIN_OVER_SUBTREE, 'Organization', { path: subtree });
      can(['move', 'archive', 'manageAdmins'], 'Organization', { path: { ...subtree, $ne: grant.path } });
      // Top-level admins (at a root of the enterprise's tree) manage its API clients and partnerships.
      if (grant.depth === 0) can(['manageApiClients', 'managePartnerships', 'readAudit'], 'Enterprise', { id: grant.enterpriseId });
    }
  }
  return build();
}
