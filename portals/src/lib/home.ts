/** Data for a portal's home page, loaded at the route. */
import { portalFeed, subtree, type PortalFeed, type PortalHome } from './api.js';
import { nest, type TreeNode } from './tree.js';

export interface HomeData {
  portal: PortalHome;
  feed: PortalFeed;
  tree: TreeNode;
  organizationCount: number;
  /** True when the tree shown is cut short (very large subtrees). */
  truncated: boolean;
}

export async function loadHome(portal: PortalHome): Promise<HomeData> {
  const [{ nodes, totalCount }, feed] = await Promise.all([subtree(portal.organization.id), portalFeed(portal.organization.id)]);
  return { portal, feed, tree: nest(portal.organization, nodes), organizationCount: totalCount + 1, truncated: nodes.length < totalCount };
}
