/** Data for a portal's home page, loaded at the route. */
import { DOCUMENTS, portalFeed, request, subtree, type PortalFeed, type PortalHome, type Theme } from './api.js';
import type { HomeSectionsResult } from './operations.generated.js';
import { nest, type TreeNode } from './tree.js';

export interface HomeData {
  portal: PortalHome;
  feed: PortalFeed;
  tree: TreeNode;
  organizationCount: number;
  /** True when the tree shown is cut short (very large subtrees). */
  truncated: boolean;
  /** The optional sections the theme shows (cases, resources, disclosures). */
  extra: HomeSectionsResult;
}

export async function loadHome(portal: PortalHome, theme: Theme): Promise<HomeData> {
  const shows = (section: string) => theme.homeSections.includes(section);
  const organizationId = portal.organization.id;
  const [{ nodes, totalCount }, feed, extra] = await Promise.all([
    subtree(organizationId),
    portalFeed(organizationId),
    shows('CASES') || shows('RESOURCES') || shows('DISCLOSURES')
      ? request(DOCUMENTS.homeSections, 'HomeSections', { organizationId, cases: shows('CASES'), resources: shows('RESOURCES'), disclosures: shows('DISCLOSURES') })
      : Promise.resolve({} as HomeSectionsResult),
  ]);
  return { portal, feed, extra, tree: nest(portal.organization, nodes), organizationCount: totalCount + 1, truncated: nodes.length < totalCount };
}
