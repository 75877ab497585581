/**
 * Loads the demo tenants once. Idempotent: an enterprise whose slug already exists is left alone,
 * and concurrent starts are serialised by an advisory lock.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise } from '../modules/enterprises/enterprise.entity.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { createPortal } from '../modules/portals/portal.service.js';
import { demoEnterprises, type DemoOrg } from './demo-data.js';

const SEED_LOCK = 0x73656564; // "seed"

export async function seedDemoData(orm: MikroORM): Promise<string[]> {
  const created: string[] = [];
  await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
    for (const demo of demoEnterprises) {
      if (await em.count(Enterprise, { slug: demo.slug })) continue;
      const enterprise = em.create(Enterprise, { slug: demo.slug, name: demo.name, shortName: demo.shortName });
      await em.flush();
      await createTree(em, enterprise.id, null, demo.root, 0);
      created.push(demo.slug);
    }
  });
  return created;
}

async function createTree(em: EntityManager, enterpriseId: number, parentId: number | null, node: DemoOrg, sortOrder: number) {
  const org = await createOrganization(em, { enterpriseId, parentId, level: node.level, name: node.name, sortOrder });
  if (node.portal) await createPortal(em, { organizationId: org.id, ...node.portal });
  for (const [i, child] of (node.children ?? []).entries()) await createTree(em, enterpriseId, org.id, child, (i + 1) * 10);
}
