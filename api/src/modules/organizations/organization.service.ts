/**
 * Changes to the organisation tree. Every function takes the acting caller, checks the action on
 * the affected rows in SQL (check.ts), validates, changes and records an audit event, all in one
 * transaction. Structural changes are serialised per enterprise by an advisory lock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, type Actor } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { mayContain, OrganizationLevel } from './organization-level.js';
import { Organization } from './organization.entity.js';
import { plainLine } from '../../core/graphql/text-input.js';

/** Advisory-lock namespace for structural changes to one enterprise's tree (key 2 = enterprise id). */
const TREE_LOCK = 0x6f7267; // "org"

export interface CreateOrganizationInput {
  /** Required for a root organisation; otherwise taken from the parent. */
  enterpriseId?: number;
  parentId?: number | null;
  level: OrganizationLevel;
  name: string;
  sortOrder?: number;
  /** A 临时党支部 (made by the mobility module for members away together). */
  temporary?: boolean;
}

export function validateName(raw: string, field = 'name'): string {
  return plainLine(raw, field, 200, true);
}

function validateSortOrder(sortOrder: number): number {
  if (!Number.isInteger(sortOrder) || Math.abs(sortOrder) > 1_000_000) throw badInput('sortOrder must be an integer within ±1000000.', 'sortOrder');
  return sortOrder;
}

async function lockTree(em: EntityManager, enterpriseId: number): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, ?)', [TREE_LOCK, enterpriseId]);
}

const audit = (em: EntityManager, actor: Actor, action: string, org: Organization, details?: Record<string, unknown>) =>
  recordAudit(em, actor.viewer, { action, subjectType: 'Organization', subjectId: org.id, organizationId: org.id, enterpriseId: org.enterprise.id, details });

export async function createOrganization(em: EntityManager, actor: Actor, input: CreateOrganizationInput): Promise<Organization> {
  const name = validateName(input.name);
  const sortOrder = validateSortOrder(input.sortOrder ?? 0);
  return em.transactional(async (tx) => {
    let enterpriseId: number;
    let parent: Organization | null = null;
    if (input.parentId != null) {
      await assertCan(tx, actor, 'createChild', Organization, 'Organization', input.parentId, 'The parent organisation');
      parent = await tx.findOneOrFail(Organization, input.parentId);
      if (parent.archivedAt) throw conflict('The parent organisation is archived.', 'parentId');
      enterpriseId = parent.enterprise.id;
      if (!mayContain(parent.level, input.level)) throw badInput(`A ${input.level} cannot be placed under a ${parent.level}.`, 'level');
    } else {
      // New roots (a new tenant's tree) are platform work.
      await assertCan(tx, actor, 'manage', Enterprise, 'Enterprise', input.enterpriseId ?? 0, 'The enterprise');
      if (input.level !== OrganizationLevel.COMMITTEE) throw badInput('The root of a tree must be a COMMITTEE.', 'level');
      enterpriseId = input.enterpriseId!;
    }
    await lockTree(tx, enterpriseId);
    // The id is part of the path, so take it from the sequence before inserting.
    const [row] = await tx.execute<{ id: number }[]>(`select nextval(pg_get_serial_sequence('organization', 'id'))::int as id`);
    const id = row!.id;
    const org = tx.create(Organization, {
      id,
      enterprise: enterpriseId,
      parent: parent?.id ?? null,
      level: input.level,
      name,
      sortOrder,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      temporary: input.temporary ?? false,
    });
    await tx.flush();
    audit(tx, actor, 'organization.create', org, { name, level: input.level, parentId: parent?.id ?? null });
    return org;
  });
}

export async function updateOrganization(em: EntityManager, actor: Actor, id: number, input: { name?: string | null; sortOrder?: number | null }): Promise<Organization> {
  const name = input.name == null ? undefined : validateName(input.name);
  const sortOrder = input.sortOrder == null ? undefined : validateSortOrder(input.sortOrder);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'update', Organization, 'Organization', id, 'The organisation');
    const org = await tx.findOneOrFail(Organization, id);
    const before = { name: org.name, sortOrder: org.sortOrder };
    if (name !== undefined) org.name = name;
    if (sortOrder !== undefined) org.sortOrder = sortOrder;
    await tx.flush();
    audit(tx, actor, 'organization.update', org, { before, after: { name: org.name, sortOrder: org.sortOrder } });
    return org;
  });
}

/**
 * Moves an organisation (with its whole subtree) under a new parent in the same enterprise: one
 * UPDATE rewrites every path below. The caller must be allowed to move it (an admin strictly
 * above it) and to add children to the new parent — so an admin can never move a subtree out
 * from under themselves, or out from under an admin above them.
 */
export async function moveOrganization(em: EntityManager, actor: Actor, id: number, newParentId: number): Promise<Organization> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Organization, id);
    if (!found) throw notFound('The organisation does not exist.');
    await lockTree(tx, found.enterprise.id);
    // Checked and re-read under the lock: a concurrent move may have changed the paths.
    await assertCan(tx, actor, 'move', Organization, 'Organization', id, 'The organisation');
    const org = (await tx.refresh(found))!;
    // Authorise the destination before judging it: nothing is said about places one may not use.
    await assertCan(tx, actor, 'createChild', Organization, 'Organization', newParentId, 'The new parent organisation');
    const parent = await tx.findOneOrFail(Organization, newParentId, { refresh: true });
    if (parent.enterprise.id !== org.enterprise.id) throw badInput('An organisation can only move within its enterprise.', 'parentId');
    if (parent.path.startsWith(org.path)) throw badInput('An organisation cannot move under itself or one of its own descendants.', 'parentId');
    if (parent.archivedAt) throw conflict('The new parent organisation is archived.', 'parentId');
    if (!mayContain(parent.level, org.level)) throw badInput(`A ${org.level} cannot be placed under a ${parent.level}.`, 'parentId');
    if (org.parent?.id === parent.id) return org;

    const oldParentId = org.parent?.id ?? null;
    const oldPath = org.path;
    await tx.execute(`update organization set path = ? || substr(path, ?), depth = depth + ? where path like ?`, [
      `${parent.path}${org.id}/`,
      oldPath.length + 1,
      parent.depth + 1 - org.depth,
      `${oldPath}%`,
    ]);
    await tx.execute('update organization set parent_id = ? where id = ?', [parent.id, org.id]);
    const moved = (await tx.refresh(org))!;
    audit(tx, actor, 'organization.move', moved, { fromParentId: oldParentId, toParentId: parent.id });
    return moved;
  });
}

/** Archives an organisation and everything below it; they disappear from public reads. */
export async function archiveOrganization(em: EntityManager, actor: Actor, id: number): Promise<Organization> {
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'archive', Organization, 'Organization', id, 'The organisation');
    const org = await tx.findOneOrFail(Organization, id);
    if (org.archivedAt) throw conflict('The organisation is archived already.');
    await lockTree(tx, org.enterprise.id);
    await tx.execute('update organization set archived_at = now() where path like ? and archived_at is null', [`${org.path}%`]);
    const archived = (await tx.refresh(org))!;
    audit(tx, actor, 'organization.archive', archived);
    return archived;
  });
}
