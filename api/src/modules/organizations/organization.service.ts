/**
 * The organisation tree: creating organisations and moving a subtree. Reads live in the resolver
 * and loaders. These functions do not authorise yet: the admin mutations that call them arrive with
 * per-level authorisation (identity module); today only the demo seed and tests call them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../core/graphql/errors.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { mayContain, OrganizationLevel } from './organization-level.js';
import { Organization } from './organization.entity.js';

/** Advisory-lock namespace for structural changes to one enterprise's tree (key 2 = enterprise id). */
const TREE_LOCK = 0x6f7267; // "org"

export interface CreateOrganizationInput {
  /** Required for a root organisation; otherwise taken from the parent. */
  enterpriseId?: number;
  parentId?: number | null;
  level: OrganizationLevel;
  name: string;
  sortOrder?: number;
}

export function validateName(raw: string, field = 'name'): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('Name must not be empty.', field);
  if (name.length > 200) throw badInput('Name must be at most 200 characters.', field);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badInput('Name must not contain control characters.', field);
  return name;
}

async function lockTree(em: EntityManager, enterpriseId: number): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, ?)', [TREE_LOCK, enterpriseId]);
}

export async function createOrganization(em: EntityManager, input: CreateOrganizationInput): Promise<Organization> {
  const name = validateName(input.name);
  const sortOrder = input.sortOrder ?? 0;
  if (!Number.isInteger(sortOrder) || Math.abs(sortOrder) > 1_000_000) throw badInput('sortOrder must be an integer within ±1000000.', 'sortOrder');
  return em.transactional(async (tx) => {
    let enterpriseId: number;
    let parent: Organization | null = null;
    if (input.parentId != null) {
      parent = await tx.findOne(Organization, input.parentId);
      if (!parent) throw notFound('The parent organisation does not exist.');
      enterpriseId = parent.enterprise.id;
      if (!mayContain(parent.level, input.level)) {
        throw badInput(`A ${input.level} cannot be placed under a ${parent.level}.`, 'level');
      }
    } else {
      if (input.enterpriseId == null) throw badInput('A root organisation needs an enterprise.', 'enterpriseId');
      if (input.level !== OrganizationLevel.COMMITTEE) throw badInput('The root of a tree must be a COMMITTEE.', 'level');
      enterpriseId = input.enterpriseId;
      if (!(await tx.count(Enterprise, enterpriseId))) throw notFound('The enterprise does not exist.');
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
    });
    await tx.flush();
    return org;
  });
}

/**
 * Moves an organisation (with its whole subtree) under a new parent in the same enterprise.
 * One transaction, serialised per enterprise, rewriting every path of the subtree in one UPDATE.
 */
export async function moveOrganization(em: EntityManager, id: number, newParentId: number): Promise<Organization> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Organization, id);
    if (!found) throw notFound('The organisation does not exist.');
    await lockTree(tx, found.enterprise.id);
    // Re-read under the lock: a concurrent move may have changed the paths.
    const org = await tx.refresh(found);
    const parent = await tx.findOne(Organization, newParentId, { refresh: true });
    if (!org) throw notFound('The organisation does not exist.');
    if (!parent) throw badInput('The new parent organisation does not exist.', 'parentId');
    if (parent.enterprise.id !== org.enterprise.id) throw badInput('An organisation can only move within its enterprise.', 'parentId');
    if (parent.path.startsWith(org.path)) {
      throw badInput('An organisation cannot move under itself or one of its own descendants.', 'parentId');
    }
    if (!mayContain(parent.level, org.level)) throw badInput(`A ${org.level} cannot be placed under a ${parent.level}.`, 'parentId');
    if (org.parent?.id === parent.id) return org;

    const oldPath = org.path;
    const newPath = `${parent.path}${org.id}/`;
    await tx.execute(
      `update organization set path = ? || substr(path, ?), depth = depth + ? where path like ?`,
      [newPath, oldPath.length + 1, parent.depth + 1 - org.depth, `${oldPath}%`],
    );
    await tx.execute('update organization set parent_id = ? where id = ?', [parent.id, org.id]);
    return (await tx.refresh(org))!;
  });
}
