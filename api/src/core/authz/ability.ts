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

/**
 * The actions and subjects the ability knows, as interfaces that modules extend by declaration
 * merging — core lists only the organisation tree's own; e.g. the content module adds
 *
 *   declare module '../../core/authz/ability.js' {
 *     interface Actions { createContent: true; edit: true }
 *     interface Subjects { Content: true }
 *   }
 *
 * so `Action` and `SubjectType` stay closed, checked unions without a central edit.
 */
export interface Actions {
  read: true;
  update: true; // rename, reorder
  createChild: true;
  move: true; // re-parent; only strictly below one's own organisation
  archive: true;
  readMembers: true;
  manageMembers: true; // grant and revoke EDITOR, REVIEWER, MEMBER
  manageAdmins: true; // grant and revoke ORG_ADMIN: only from strictly above
  manage: true; // everything (platform admins, the system actor)
}
export interface Subjects {
  Enterprise: true;
  Organization: true;
  Portal: true;
  all: true;
}
export type Action = keyof Actions;
export type SubjectType = keyof Subjects;
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

const ADMIN_OVER_SUBTREE: Action[] = ['read', 'update', 'createChild', 'readMembers', 'manageMembers'];

/** The organisation tree's own actions, as effective permissions list them (modules add theirs). */
export const ORGANIZATION_ACTIONS: Action[] = ['read', 'update', 'createChild', 'move', 'archive', 'readMembers', 'manageMembers', 'manageAdmins'];

type Can = AbilityBuilder<AppAbility>['can'];

/**
 * Rules a domain module adds (its `policy`, see core/module.ts), so this file does not need to
 * know every module's vocabulary. Contributors run for every viewer except `system`.
 */
export type PolicyContributor = (can: Can, viewer: Exclude<Viewer, { kind: 'system' }>, now: Date) => void;
const contributors: PolicyContributor[] = [];
export function registerPolicy(contributor: PolicyContributor): void {
  contributors.push(contributor);
}

/** Actions modules declared, with the subject they apply to (for effective permissions). */
const declaredActions = new Map<Action, { on: SubjectType; description: string }>();
export function registerActions(actions: Record<string, { on: SubjectType; description: string }>): void {
  for (const [action, declaration] of Object.entries(actions)) declaredActions.set(action as Action, declaration);
}
/** Every action that applies to an organisation: the tree's own, then the modules' in their order. */
export function organizationActions(): Action[] {
  return [...ORGANIZATION_ACTIONS, ...[...declaredActions].filter(([, d]) => d.on === 'Organization').map(([action]) => action)];
}

/** The caller's ORG_ADMIN grants at a root of an enterprise's tree: its top-level admins' powers. */
export function topLevelAdminGrants(viewer: Viewer): Grant[] {
  return viewer.kind === 'user' ? viewer.grants.filter((g) => g.role === Role.ORG_ADMIN && g.depth === 0) : [];
}

/**
 * Viewers with equal keys are given the same rules, except those naming the viewer themself (an
 * author's own items, one's own records): work shared across viewers — an event checked once for
 * every subscriber alike — keys on this and treats the viewer's own things apart.
 */
export function abilityKey(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'anonymous':
    case 'system':
      return viewer.kind;
    case 'apiClient':
      return `key:${viewer.enterpriseId}:${[...viewer.scopes].sort().join(',')}`;
    case 'user':
      return `user:${viewer.isPlatformAdmin ? 'platform' : ''}:${viewer.grants.map((g) => `${g.role}@${g.organizationId}:${g.path}:${g.depth}:${g.enterpriseId}`).sort().join('|')}`;
  }
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
    }
  }
  return build();
}
