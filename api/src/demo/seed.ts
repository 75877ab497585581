/**
 * Loads the demo tenants and accounts, then what each module's `seed` adds (news, disclosures, the
 * partnership, cases, resources, members and the rest) in the order of the module list, through
 * the modules' services as the demo's people. Idempotent and additive: an enterprise whose slug
 * exists, or an account whose login exists, is left alone, so a database seeded by an older version
 * gains what the demo has grown since. Concurrent starts are serialised by an advisory lock. One
 * backfill transaction: the demo's past notifies nobody.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MODULES } from '../app.js';
import { systemActor, type Actor } from '../core/authz/check.js';
import type { Config } from '../core/config.js';
import { beginBackfill } from '../core/db/backfill.js';
import { Enterprise } from '../modules/enterprises/enterprise.entity.js';
import { Membership } from '../modules/identity/membership.entity.js';
import { createUser } from '../modules/identity/session.service.js';
import { User } from '../modules/identity/user.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { createPortal } from '../modules/portals/portal.service.js';
import { DEMO_PASSWORD, demoEnterprises, demoPlatformAdmin, type DemoOrg } from './demo-data.js';

const SEED_LOCK = 0x73656564; // "seed"

/** Returns what it created: enterprise slugs and account logins. `config` gives the modules their keys (member data is sealed). */
export async function seedDemoData(orm: MikroORM, config: Config): Promise<string[]> {
  const created: string[] = [];
  const actor = systemActor();
  await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
    await beginBackfill(em); // the demo's past is written through the services; nobody is told of it
    for (const demo of demoEnterprises) {
      let enterprise = await em.findOne(Enterprise, { slug: demo.slug });
      if (!enterprise) {
        enterprise = em.create(Enterprise, { slug: demo.slug, name: demo.name, shortName: demo.shortName });
        await em.flush();
        await createTree(em, actor, enterprise.id, null, demo.root, 0);
        created.push(demo.slug);
      }
      for (const person of demo.users) {
        if (await em.count(User, person.email ? { email: person.email } : { phone: person.phone! })) continue;
        const user = await createUser(em, { displayName: person.displayName, email: person.email, phone: person.phone, password: DEMO_PASSWORD });
        for (const { organization, role } of person.roles) {
          const org = await em.findOneOrFail(Organization, { enterprise: enterprise.id, name: organization });
          em.create(Membership, { user, organization: org, enterprise, role, grantedBy: null });
        }
        created.push(person.email ?? person.phone!);
      }
      await em.flush();
    }
    if (!(await em.count(User, { email: demoPlatformAdmin.email }))) {
      const admin = await createUser(em, { ...demoPlatformAdmin, password: DEMO_PASSWORD });
      admin.isPlatformAdmin = true;
      await em.flush();
      created.push(demoPlatformAdmin.email);
    }
    // What the modules add to the demo (each additive and idempotent).
    for (const module of MODULES) if (module.seed) created.push(...(await module.seed(em, actor, config)));
  });
  return created;
}

async function createTree(em: EntityManager, actor: Actor, enterpriseId: number, parentId: number | null, node: DemoOrg, sortOrder: number) {
  const org = await createOrganization(em, actor, { enterpriseId, parentId, level: node.level, name: node.name, sortOrder });
  if (node.portal) await createPortal(em, { organizationId: org.id, ...node.portal });
  for (const [i, child] of (node.children ?? []).entries()) await createTree(em, actor, enterpriseId, org.id, child, (i + 1) * 10);
}
