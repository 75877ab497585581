/**
 * Who may read and work on content, as CASL rules that become SQL (core/authz/sql-filter.ts).
 *
 * Reading a published item (published_at reached):
 *   PUBLIC        everyone; an API key only inside its enterprise
 *   ENTERPRISE    signed-in members of the owner's enterprise (and INTERNAL_READ keys)
 *   PARTNERS      as ENTERPRISE, plus signed-in members of enterprises in an ACTIVE partnership with
 *                 the owner's (a join on partner_link, so ending a partnership hides it at once)
 *   PLATFORM      every signed-in user
 *   OWN_ORGANIZATION  members of the owner organisation itself, and the workers at or above it
 *   ORGANIZATION  members of the owner organisation's subtree (the owner is on their path), and
 *                 editors, reviewers and admins at or above the owner
 *   TARGETED      members of the named organisations' subtrees, and the workers above the owner
 * Unpublished items: their author, and editors, reviewers and admins at or above the owner.
 * Working on items:
 *   createContent  EDITOR or ORG_ADMIN at or above the organisation
 *   edit, submit   the author, or an EDITOR/ORG_ADMIN above, while DRAFT or REJECTED;
 *                  a REVIEWER/ORG_ADMIN above may also correct a published item
 *   review         REVIEWER or ORG_ADMIN at or above the owner, never on their own item
 *   publishControl REVIEWER or ORG_ADMIN at or above the owner (unpublish, archive, pin)
 *   readHistory    the author, and editors, reviewers and admins at or above the owner
 *   reviewQueue    reviewers and admins at or above the owner (the review-queue subscription)
 *   readStatistics the author, and editors, reviewers and admins at or above the owner
 * Kinds add their own actions in their modules: approveDisclosure and readFeedback (disclosures),
 * moderate (cases), decideRequests (resources).
 * Featuring a case (优秀案例) at a level: whoever may decideRecommendations there.
 * Recommending upward (上报): whoever may publishControl an item recommends it to an organisation
 * above its owner; reviewers and admins at or above that organisation decide (decideRecommendations).
 */
// To-many conditions use `$some` (an EXISTS subquery): a join would multiply rows and make the
// ORM group and count distinct over the whole result before it can apply a page's limit.
import { raw } from '@mikro-orm/core';
import type { PolicyContributor } from '../../core/authz/ability.js';
import { ApiScope, Role } from '../../core/authz/roles.js';
import { pathIds } from '../organizations/organization.entity.js';
import { ContentStatus, Visibility } from './content-enums.js';

/**
 * The owner's enterprise is in an active partnership with one of `enterprises`, as an EXISTS on
 * the link table beside the item (the ORM's `$some` on `enterprise.partnerLinks` joins the
 * enterprise first: a join on every row of every list and count that PostgreSQL can't drop).
 */
const partnerOf = (enterprises: number[]) => ({
  [raw((a: string) => `exists (select 1 from partner_link pl where pl.enterprise_id = ${a}.enterprise_id and pl.partner_id in (?))`, [enterprises])]: [],
});
/** The item names one of `organizations` as a target (an EXISTS on the targets beside it). */
const targetedAt = (organizations: number[]) => ({
  [raw((a: string) => `exists (select 1 from content_target ct where ct.content_id = ${a}.id and ct.organization_id in (?))`, [organizations])]: [],
});

const WRITERS: readonly Role[] = [Role.EDITOR, Role.ORG_ADMIN];
export const REVIEWERS: readonly Role[] = [Role.REVIEWER, Role.ORG_ADMIN];

/** "At or above the owner": the grant's organisation is on the item's owner's path. */
export const ownedBelow = (path: string) => ({ organization: { path: { $startsWith: path } } });
const WORKERS: readonly Role[] = [Role.EDITOR, Role.REVIEWER, Role.ORG_ADMIN];
const UNPUBLISHED_EDITABLE = { $in: [ContentStatus.DRAFT, ContentStatus.REJECTED] };

declare module '../../core/authz/ability.js' {
  interface Actions {
    createContent: true; // on an Organization: write content owned by it
    edit: true;
    submit: true;
    review: true; // approve or reject
    publishControl: true; // unpublish, archive, pin
    readHistory: true; // revisions
    reviewQueue: true; // be told about items entering and leaving review
    decideRecommendations: true; // on an Organization: accept or decline what was recommended to it
    useMedia: true; // on an Organization: upload files for it, and fetch and use its files
    readStatistics: true; // an item's usage figures (views, downloads, adoptions, requests)
  }
  interface Subjects {
    Content: true;
  }
}

/** The content actions that apply to an organisation, as effective permissions list them. */
export const CONTENT_ORGANIZATION_ACTIONS = {
  createContent: { on: 'Organization', description: 'Write content owned by the organisation.' },
  useMedia: { on: 'Organization', description: 'Upload files for the organisation, and use its files.' },
  readStatistics: { on: 'Organization', description: 'Read the usage figures of the organisation’s content.' },
  decideRecommendations: { on: 'Organization', description: 'Accept or decline what lower levels recommend (上报) to it.' },
} as const;

/** What an API key (or a webhook endpoint, which reads as one) of its own enterprise sees, by its scopes. */
export function keyVisibilities(scopes: readonly ApiScope[]): Visibility[] {
  if (scopes.includes(ApiScope.INTERNAL_READ)) return [Visibility.PUBLIC, Visibility.ENTERPRISE, Visibility.PARTNERS, Visibility.PLATFORM];
  if (scopes.includes(ApiScope.PUBLIC_READ)) return [Visibility.PUBLIC];
  return [];
}

export const contentPolicy: PolicyContributor = (can, viewer, now) => {
  const published = { status: ContentStatus.PUBLISHED, publishedAt: { $lte: now } };

  if (viewer.kind === 'apiClient') {
    const visibility = keyVisibilities(viewer.scopes);
    if (visibility.length) can('read', 'Content', { ...published, enterprise: viewer.enterpriseId, visibility: { $in: visibility } });
    return;
  }

  if (viewer.kind !== 'user') {
    can('read', 'Content', { ...published, visibility: Visibility.PUBLIC });
    return;
  }

  // A member's reads of published items are one rule: the publication condition once, then the
  // audiences they belong to (one SQL condition, not one per audience, for lists and counts).
  const audiences: Record<string, unknown>[] = [{ visibility: { $in: [Visibility.PUBLIC, Visibility.PLATFORM] } }];
  const enterprises = [...new Set(viewer.grants.map((g) => g.enterpriseId))];
  if (enterprises.length) {
    audiences.push({ enterprise: { $in: enterprises }, visibility: { $in: [Visibility.ENTERPRISE, Visibility.PARTNERS] } });
    audiences.push({ visibility: Visibility.PARTNERS, ...partnerOf(enterprises) });
  }
  if (viewer.grants.length) {
    const own = [...new Set(viewer.grants.map((g) => g.organizationId))];
    const onPaths = [...new Set(viewer.grants.flatMap((g) => pathIds(g.path)))];
    // Members read ORGANIZATION items of their own organisation and of every one above it,
    // OWN_ORGANIZATION items of their own, and TARGETED items named to it or to one above it.
    audiences.push({ visibility: Visibility.ORGANIZATION, organization: { $in: onPaths } });
    audiences.push({ visibility: Visibility.OWN_ORGANIZATION, organization: { $in: own } });
    audiences.push({ visibility: Visibility.TARGETED, ...targetedAt(onPaths) });
  }
  can('read', 'Content', { ...published, $or: audiences });
  const me = viewer.userId;
  can(['read', 'readHistory', 'readStatistics'], 'Content', { author: me });
  can(['edit', 'submit'], 'Content', { author: me, status: UNPUBLISHED_EDITABLE });

  for (const grant of viewer.grants) {
    const subtree = ownedBelow(grant.path);
    if (WORKERS.includes(grant.role)) {
      can(['read', 'readHistory', 'readStatistics'], 'Content', subtree);
      can(['useMedia', 'readStatistics'], 'Organization', { path: { $startsWith: grant.path } });
    }
    if (WRITERS.includes(grant.role)) {
      can('createContent', 'Organization', { path: { $startsWith: grant.path } });
      can(['edit', 'submit'], 'Content', { ...subtree, status: UNPUBLISHED_EDITABLE });
    }
    if (REVIEWERS.includes(grant.role)) {
      can('edit', 'Content', { ...subtree, status: ContentStatus.PUBLISHED });
      // Four eyes: nobody approves their own work.
      can('review', 'Content', { ...subtree, status: ContentStatus.IN_REVIEW, $or: [{ author: null }, { author: { $ne: me } }] });
      can('publishControl', 'Content', { ...subtree, status: ContentStatus.PUBLISHED });
      can('reviewQueue', 'Content', subtree);
      can('decideRecommendations', 'Organization', { path: { $startsWith: grant.path } });
    }
  }
};
