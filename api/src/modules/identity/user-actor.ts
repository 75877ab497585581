/**
 * A person as an actor outside a request — the demo seed, work done on someone's behalf: the
 * same grants a session of theirs would carry (memberships of organisations not archived).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineAbilityFor, type Grant, type Viewer } from '../../core/authz/ability.js';
import type { Actor } from '../../core/authz/check.js';
import type { Role } from '../../core/authz/roles.js';

/** A grant as `grantsColumn` gives it. */
export type GrantRow = { membership_id: number; role: Role; organization_id: number; path: string; depth: number; enterprise_id: number };

/**
 * The grants of the user whose id `userId` is (an SQL expression), as one JSON column: a session's
 * look-up reads the person and their grants in one statement.
 */
export const grantsColumn = (userId: string) =>
  `coalesce((select json_agg(json_build_object('membership_id', m.id, 'role', m.role, 'organization_id', o.id, 'path', o.path, 'depth', o.depth, 'enterprise_id', o.enterprise_id) order by m.id)
       from membership m join organization o on o.id = m.organization_id
      where m.user_id = ${userId} and o.archived_at is null), '[]'::json)`;

export const grantsFrom = (rows: GrantRow[]): Grant[] =>
  rows.map((g) => ({ membershipId: g.membership_id, role: g.role, organizationId: g.organization_id, path: g.path, depth: g.depth, enterpriseId: g.enterprise_id }));

export async function grantsOf(em: EntityManager, userId: number): Promise<Grant[]> {
  const [row] = await em.execute<{ grants: GrantRow[] }[]>(`select ${grantsColumn('?')} as grants`, [userId]);
  return grantsFrom(row!.grants);
}

/** The actor of the account with this e-mail address or phone number; null when there is none. */
export async function actorOfLogin(em: EntityManager, login: string): Promise<Actor | null> {
  const [user] = await em.execute<{ id: number; is_platform_admin: boolean }[]>(
    `select id, is_platform_admin from app_user where ${login.includes('@') ? 'email' : 'phone'} = ?`,
    [login],
  );
  if (!user) return null;
  const viewer: Viewer = { kind: 'user', userId: user.id, sessionId: '', isPlatformAdmin: user.is_platform_admin, grants: await grantsOf(em, user.id), ip: null };
  return { viewer, ability: defineAbilityFor(viewer) };
}
