/**
 * Loads the demo tenants, accounts, news, disclosures, cases, resources and their partnership, then
 * what each module's `seed` adds. Idempotent and additive: an enterprise whose slug exists,
 * or an account whose login exists, is left alone, so a database seeded by an older version gains
 * what the demo has grown since. Concurrent starts are serialised by an advisory lock. Runs as
 * the explicit system actor.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MODULES } from '../app.js';
import { systemActor, type Actor } from '../core/authz/check.js';
import type { Config } from '../core/config.js';
import { Enterprise } from '../modules/enterprises/enterprise.entity.js';
import { Membership } from '../modules/identity/membership.entity.js';
import { createUser } from '../modules/identity/session.service.js';
import { User } from '../modules/identity/user.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { createPortal } from '../modules/portals/portal.service.js';
import { Content, ContentRevision } from '../modules/content/content.entity.js';
import { ContentKind, ContentStatus } from '../modules/content/content-enums.js';
import { sanitiseRichText } from '../modules/content/sanitize.js';
import { indexForSearch } from '../modules/content/content.service.js';
import { DEMO_PASSWORD, demoEnterprises, demoPlatformAdmin, type DemoOrg } from './demo-data.js';
import { demoDisclosures, demoNews, type DemoDisclosure, type DemoNews } from './demo-news.js';
import { Disclosure } from '../modules/disclosures/disclosure.entity.js';
import { DisclosureStep } from '../modules/disclosures/disclosure-enums.js';
import { VISIBILITY_OF } from '../modules/disclosures/disclosure.service.js';
import { CaseFeature, ExperienceCase } from '../modules/cases/case.entity.js';
import { composeBody, sanitiseSections } from '../modules/cases/case.service.js';
import { Partnership, PartnershipStatus, PartnerLink } from '../modules/partnerships/partnership.entity.js';
import { RequestStatus } from '../modules/resources/resource-enums.js';
import { ResourceRequest, SharedResource } from '../modules/resources/resource.entity.js';
import { demoCases, demoPartnership, demoPendingRequest, demoResources } from './demo-exchange.js';

const SEED_LOCK = 0x73656564; // "seed"

/** Returns what it created: enterprise slugs and account logins. `config` gives the modules their keys (member data is sealed). */
export async function seedDemoData(orm: MikroORM, config: Config): Promise<string[]> {
  const created: string[] = [];
  const actor = systemActor();
  await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
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
    for (const item of demoNews) {
      const enterprise = await em.findOneOrFail(Enterprise, { slug: item.enterprise });
      if (await em.count(Content, { enterprise, title: item.title })) continue;
      await createDemoNews(em, enterprise.id, item);
      created.push(item.title);
    }
    for (const item of demoDisclosures) {
      const enterprise = await em.findOneOrFail(Enterprise, { slug: item.enterprise });
      if (await em.count(Content, { enterprise, title: item.title })) continue;
      await createDemoDisclosure(em, enterprise.id, item);
      created.push(item.title);
    }
    await seedExchange(em, created);
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

/** The partnership, cases, resources and the pending request (each only if missing). */
async function seedExchange(em: EntityManager, created: string[]): Promise<void> {
  const [a, b] = await Promise.all([em.findOneOrFail(Enterprise, { slug: demoPartnership.proposer }), em.findOneOrFail(Enterprise, { slug: demoPartnership.partner })]);
  if (!(await em.count(Partnership, { $or: [{ proposer: a, partner: b }, { proposer: b, partner: a }] }))) {
    const p = em.create(Partnership, {
      proposer: a,
      partner: b,
      status: PartnershipStatus.ACTIVE,
      message: demoPartnership.message,
      proposedBy: await userByLogin(em, demoPartnership.proposedBy),
      decidedBy: await userByLogin(em, demoPartnership.acceptedBy),
      decidedAt: new Date(),
    });
    em.create(PartnerLink, { enterprise: a, partner: b, partnership: p });
    em.create(PartnerLink, { enterprise: b, partner: a, partnership: p });
    await em.flush();
    created.push(`partnership ${a.slug}–${b.slug}`);
  }
  for (const item of demoCases) {
    const enterprise = await em.findOneOrFail(Enterprise, { slug: item.enterprise });
    if (await em.count(Content, { enterprise, title: item.title })) continue;
    const sections = sanitiseSections(item);
    const content = await createDemoNews(em, enterprise.id, { ...item, bodyHtml: composeBody(sections) }, ContentKind.CASE);
    em.create(ExperienceCase, { content, enterprise, ...sections });
    for (const level of item.featuredBy ?? []) {
      em.create(CaseFeature, { content, enterprise, organization: await em.findOneOrFail(Organization, { enterprise, name: level }), featuredBy: null });
    }
    await em.flush();
    created.push(item.title);
  }
  for (const item of demoResources) {
    const enterprise = await em.findOneOrFail(Enterprise, { slug: item.enterprise });
    if (await em.count(Content, { enterprise, title: item.title })) continue;
    const content = await createDemoNews(em, enterprise.id, item, ContentKind.RESOURCE);
    em.create(SharedResource, { content, enterprise, resourceKind: item.resourceKind, access: item.access, address: item.address ?? null, openingDetails: item.openingDetails ?? null, topics: item.topics ?? [] });
    await em.flush();
    created.push(item.title);
  }
  const resource = await em.findOneOrFail(Content, { kind: ContentKind.RESOURCE, title: demoPendingRequest.resource });
  if (!(await em.count(ResourceRequest, { content: resource }))) {
    const organization = await em.findOneOrFail(Organization, { name: demoPendingRequest.organization });
    em.create(ResourceRequest, { content: resource, enterprise: resource.enterprise, organization, requestedBy: await userByLogin(em, demoPendingRequest.requestedBy), purpose: demoPendingRequest.purpose, status: RequestStatus.PENDING });
    await em.flush();
    created.push(`request for ${demoPendingRequest.resource}`);
  }
}

const userByLogin = (em: EntityManager, login: string) => em.findOneOrFail(User, login.includes('@') ? { email: login } : { phone: login });

async function createDemoDisclosure(em: EntityManager, enterpriseId: number, item: DemoDisclosure): Promise<void> {
  const content = await createDemoNews(em, enterpriseId, { ...item, summary: '', tags: [], visibility: VISIBILITY_OF[item.scope] }, ContentKind.DISCLOSURE);
  const at = (days: number) => new Date(Date.now() + days * 86_400_000);
  em.create(Disclosure, {
    content,
    enterprise: enterpriseId,
    category: item.category,
    scope: item.scope,
    step: DisclosureStep.APPROVED,
    secrecyReviewer: await userByLogin(em, item.reviewer),
    secrecyReviewedAt: at(-item.publishedDaysAgo - 1),
    secrecyConclusion: '经审查，不涉及国家秘密和商业秘密，同意公开。',
    approver: await userByLogin(em, item.approver),
    approvedAt: at(-item.publishedDaysAgo),
    noticeStartsAt: item.noticeDays ? at(item.noticeDays[0]) : null,
    noticeEndsAt: item.noticeDays ? at(item.noticeDays[1]) : null,
  });
  await em.flush();
}

/** Demo items are inserted as they would stand after the workflow, with their revision and search tokens. */
async function createDemoNews(em: EntityManager, enterpriseId: number, item: DemoNews, kind: ContentKind = ContentKind.NEWS): Promise<Content> {
  const org = await em.findOneOrFail(Organization, { enterprise: enterpriseId, name: item.organization });
  const author = await userByLogin(em, item.author);
  const { html, text } = sanitiseRichText(item.bodyHtml);
  const published = item.publishedDaysAgo !== undefined;
  const publishedAt = published ? new Date(Date.now() - item.publishedDaysAgo! * 86_400_000) : null;
  const content = em.create(Content, {
    kind,
    enterprise: enterpriseId,
    organization: org,
    author,
    title: item.title,
    summary: item.summary,
    bodyHtml: html,
    bodyText: text,
    tags: item.tags,
    status: published ? ContentStatus.PUBLISHED : ContentStatus.IN_REVIEW,
    visibility: item.visibility,
    publishedAt,
    publishNotifiedAt: publishedAt,
    pinnedAt: item.pinned ? publishedAt : null,
    searchVector: null,
    createdAt: publishedAt ?? new Date(),
  });
  em.create(ContentRevision, { content, enterprise: content.enterprise, version: 1, title: item.title, summary: item.summary, bodyHtml: html, tags: item.tags, editor: author });
  await em.flush();
  await indexForSearch(em, content);
  return content;
}

async function createTree(em: EntityManager, actor: Actor, enterpriseId: number, parentId: number | null, node: DemoOrg, sortOrder: number) {
  const org = await createOrganization(em, actor, { enterpriseId, parentId, level: node.level, name: node.name, sortOrder });
  if (node.portal) await createPortal(em, { organizationId: org.id, ...node.portal });
  for (const [i, child] of (node.children ?? []).entries()) await createTree(em, actor, enterpriseId, org.id, child, (i + 1) * 10);
}
