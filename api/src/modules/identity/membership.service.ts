/**
 * Granting and revoking roles. The no-escalation rule: EDITOR, REVIEWER and MEMBER are granted by
 * an admin of the organisation or above (`manageMembers`); ORG_ADMIN only by an admin strictly
 * above it (`manageAdmins`), so nobody can mint a peer they cannot remove, and nobody grants more
 * than they hold. Platform admins are not granted here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { Role } from '../../core/authz/roles.js';
import { conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { findReadableUser, membershipReadFilter, NO_SUCH_USER } from './identity.loaders.js';
import { Membership } from './membership.entity.js';
import { createUser, type NewUser } from './session.service.js';
import { User } from './user.entity.js';

const actionFor = (role: Role) => (role === Role.ORG_ADMIN ? 'manageAdmins' : 'manageMembers');

type RoleGrant = { userId: number; organizationId: number; role: Role };

export async function grantRole(em: EntityManager, actor: Actor, input: RoleGrant): Promise<Membership> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, actionFor(input.role), Organization, 'Organization', input.organizationId, 'The organisation');
    // Only a user the caller may already see: granting must not test for, or reveal, other accounts.
    if (!(await findReadableUser(tx, actor, input.userId))) throw notFound(NO_SUCH_USER);
    return addMembership(tx, actor, input);
  });
}

/** The grant itself, once the caller is authorised and knows the user. */
async function addMembership(tx: EntityManager, actor: Actor, input: RoleGrant): Promise<Membership> {
  const me = requireUser(actor.viewer);
  const org = await tx.findOneOrFail(Organization, input.organizationId);
  if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
  if (await tx.count(Membership, { user: input.userId, organization: org.id, role: input.role })) {
    throw conflict('The user already holds this role here.', 'role');
  }
  const membership = tx.create(Membership, { user: input.userId, organization: org.id, enterprise: org.enterprise.id, role: input.role, grantedBy: me.userId });
  await tx.flush();
  recordAudit(tx, actor.viewer, {
    action: 'membership.grant',
    subjectType: 'Membership',
    subjectId: membership.id,
    organizationId: org.id,
    enterpriseId: org.enterprise.id,
    details: { userId: input.userId, role: input.role },
  });
  return membership;
}

export async function revokeRole(em: EntityManager, actor: Actor, membershipId: number): Promise<Membership> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    // Looked up through the caller's read filter: a hidden membership is "not found", not "forbidden".
    const visible = membershipReadFilter(actor);
    const membership = visible && (await tx.findOne(Membership, { $and: [{ id: membershipId }, visible] }));
    if (!membership) throw notFound('The membership does not exist.');
    await assertCan(tx, actor, actionFor(membership.role), Organization, 'Organization', membership.organization.id, 'The membership');
    await tx.remove(membership).flush();
    recordAudit(tx, actor.viewer, {
      action: 'membership.revoke',
      subjectType: 'Membership',
      subjectId: membershipId,
      organizationId: membership.organization.id,
      enterpriseId: membership.enterprise.id,
      details: { userId: membership.user.id, role: membership.role },
    });
    return membership;
  });
}

/** An admin creates an account for someone and gives them a role at an organisation, at once. */
export async function createMemberAccount(em: EntityManager, actor: Actor, input: NewUser & { organizationId: number; role: Role }): Promise<User> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, actionFor(input.role), Organization, 'Organization', input.organizationId, 'The organisation');
    const user = await createUser(tx, input);
    await addMembership(tx, actor, { userId: user.id, organizationId: input.organizationId, role: input.role });
    recordAudit(tx, actor.viewer, { action: 'user.create', subjectType: 'User', subjectId: user.id, organizationId: input.organizationId });
    return user;
  });
}
