/**
 * Effective permissions, inspectable: what may a user do at an organisation, and which of their
 * memberships grants it. Asked of the database with the same rules as every other read: the user's
 * full ability for "allowed", then one ability per membership for "granted by".
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, defineAbilityFor, organizationActions, type Action, type Grant, type Viewer } from '../../core/authz/ability.js';
import { assertCan, can, type Actor } from '../../core/authz/check.js';
import { notFound } from '../../core/graphql/errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { findReadableUser, membershipReadFilter, NO_SUCH_USER } from './identity.loaders.js';
import { Membership } from './membership.entity.js';
import type { User } from './user.entity.js';


export interface PermissionRow {
  action: Action;
  allowed: boolean;
  grantedBy: Membership[];
  viaPlatformAdmin: boolean;
  public: boolean;
}

export async function effectivePermissions(em: EntityManager, actor: Actor, userId: number, organizationId: number): Promise<{ user: User; rows: PermissionRow[] }> {
  // The user themself, or whoever may see the organisation's members (its admins, platform admins).
  const self = actor.viewer.kind === 'user' && actor.viewer.userId === userId;
  if (!self) await assertCan(em, actor, 'readMembers', Organization, 'Organization', organizationId, 'The organisation');
  // A user the caller may not see gets the same answer as one that does not exist: no names, no
  // existence test (an admin of one enterprise must not enumerate another's accounts).
  const user = await findReadableUser(em, actor, userId);
  if (!user) throw notFound(NO_SUCH_USER);

  const memberships = await em.find(Membership, { user: userId, organization: { archivedAt: null } }, { populate: ['organization'], orderBy: { id: 'asc' } });
  // "Granted by" names only memberships the caller may see; "allowed" still weighs them all.
  const visible = membershipReadFilter(actor);
  const shown = new Set(visible ? (await em.find(Membership, { $and: [{ user: userId }, visible] }, { fields: ['id'] })).map((m) => m.id) : []);
  const grants: Grant[] = memberships.map((m) => {
    const org = m.organization.getEntity();
    return { membershipId: m.id, role: m.role, organizationId: org.id, path: org.path, depth: org.depth, enterpriseId: m.enterprise.id };
  });
  const asUser = (g: Grant[], isPlatformAdmin: boolean): Actor => {
    const viewer: Viewer = { kind: 'user', userId, sessionId: '', isPlatformAdmin, grants: g, ip: null };
    return { viewer, ability: defineAbilityFor(viewer) };
  };
  const full = asUser(grants, user.isPlatformAdmin);
  const anonymous: Actor = { viewer: ANONYMOUS, ability: defineAbilityFor(ANONYMOUS) };
  const check = (who: Actor, action: Action) => can(em, who, action, Organization, 'Organization', organizationId);

  const rows: PermissionRow[] = [];
  // The tree's own actions, then every action a module declared on organisations.
  for (const action of organizationActions()) {
    const allowed = await check(full, action);
    const isPublic = allowed && (await check(anonymous, action));
    const grantedBy: Membership[] = [];
    if (allowed && !isPublic) {
      for (const [i, membership] of memberships.entries()) if (shown.has(membership.id) && (await check(asUser([grants[i]!], false), action))) grantedBy.push(membership);
    }
    const viaPlatformAdmin = allowed && user.isPlatformAdmin && !isPublic && grantedBy.length === 0;
    rows.push({ action, allowed, grantedBy, viaPlatformAdmin, public: isPublic });
  }
  return { user, rows };
}
