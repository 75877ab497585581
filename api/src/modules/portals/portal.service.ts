/** Portal sites: creation (demo seed), host-name rules, and their themes. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { validateName } from '../organizations/organization.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Portal, PortalHost } from './portal.entity.js';
import { assertCan, type Actor } from '../../core/authz/check.js';
import { recordAudit } from '../audit/audit.service.js';
import { DEFAULT_THEME, validateTheme, type Theme } from './theme.js';

/**
 * Lower-case, no port, no trailing dot: `Portal.Example.COM:443.` → `portal.example.com`.
 * Returns null for anything that is not a plausible DNS name or IP address.
 */
export function normaliseHost(raw: string): string | null {
  if (raw.length > 300) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literals do not name portals
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return null;
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host) ? host : null;
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function createPortal(
  em: EntityManager,
  input: { organizationId: number; slug: string; title: string; hosts?: string[] },
): Promise<Portal> {
  if (!SLUG_PATTERN.test(input.slug)) throw badInput('A slug is 2–63 lower-case letters, digits or dashes.', 'slug');
  const title = validateName(input.title, 'title');
  const hosts = (input.hosts ?? []).map((h) => {
    const host = normaliseHost(h);
    if (!host) throw badInput(`"${h}" is not a valid host name.`, 'hosts');
    return host;
  });
  return em.transactional(async (tx) => {
    const org = await tx.findOne(Organization, input.organizationId);
    if (!org) throw notFound('The organisation does not exist.');
    if (await tx.count(Portal, { slug: input.slug })) throw conflict('A portal with this slug already exists.', 'slug');
    if (await tx.count(Portal, { organization: org.id })) throw conflict('This organisation already has a portal.', 'organizationId');
    if (hosts.length && (await tx.count(PortalHost, { host: { $in: hosts } }))) throw conflict('A host name is already used by another portal.', 'hosts');
    const portal = tx.create(Portal, { enterprise: org.enterprise.id, organization: org.id, slug: input.slug, title });
    for (const host of new Set(hosts)) tx.create(PortalHost, { host, portal, enterprise: org.enterprise.id });
    await tx.flush();
    return portal;
  });
}

/**
 * Saves a portal's theme (the portal organisation's admins, or admins above it): as a draft to
 * preview, or published. Checked in full (contrast included) before anything is written.
 */
export async function saveTheme(em: EntityManager, actor: Actor, portalId: number, input: Partial<Theme>, publish: boolean): Promise<Portal> {
  return em.transactional(async (tx) => {
    const portal = await tx.findOne(Portal, portalId);
    if (!portal) throw notFound('The portal does not exist.');
    await assertCan(tx, actor, 'update', Organization, 'Organization', portal.organization.id, 'The portal');
    const base = { ...DEFAULT_THEME, ...portal.theme, ...(portal.themeDraft ?? {}) };
    const theme = validateTheme(input, base);
    if (publish) {
      portal.theme = theme;
      portal.themeDraft = null;
    } else {
      portal.themeDraft = theme;
    }
    recordAudit(tx, actor.viewer, {
      action: publish ? 'portal.themePublish' : 'portal.themeDraft',
      subjectType: 'Portal',
      subjectId: portal.id,
      organizationId: portal.organization.id,
      enterpriseId: portal.enterprise.id,
      details: { primaryColor: theme.primaryColor, accentColor: theme.accentColor },
    });
    await tx.flush();
    return portal;
  });
}

export const publishedTheme = (portal: Portal): Theme => ({ ...DEFAULT_THEME, ...portal.theme });
