/** Turns a pre-order list with depths into a nested tree, siblings by their sort order. */
import type { OrgSummary } from './api.js';

export interface TreeNode extends OrgSummary {
  children: TreeNode[];
}

export function nest(root: OrgSummary, descendants: OrgSummary[]): TreeNode {
  const top: TreeNode = { ...root, children: [] };
  const stack: TreeNode[] = [top];
  for (const org of descendants) {
    const node: TreeNode = { ...org, children: [] };
    while (stack.length > 1 && stack.at(-1)!.depth >= org.depth) stack.pop();
    stack.at(-1)!.children.push(node);
    stack.push(node);
  }
  sortSiblings(top);
  return top;
}

function sortSiblings(node: TreeNode): void {
  node.children.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  for (const child of node.children) sortSiblings(child);
}
