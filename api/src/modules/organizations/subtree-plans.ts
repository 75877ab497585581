/**
 * Whether a list of an organisation's subtree is planned for its values at every run. Below an
 * enterprise's root a subtree's size varies by orders of magnitude from one organisation to the
 * next (a branch's fifty items, a plant's thirteen thousand), and so does the best plan: fetch
 * the subtree's few rows and sort them, or walk the list's order until a page is found. A
 * prepared statement's generic plan is one plan for all values, chosen on an estimate of half a
 * percent of the organisations for `path LIKE $n`; on a fresh dataset whose statistics made it
 * look cheap it fetched all of a plant's news for a page of twenty, 88 ms against 0.9 (issue
 * #19). The whole enterprise (a portal's root) is the same size every time, and keeps its
 * prepared plan.
 */
export const plannedPerSubtree = (org: { depth: number }): boolean => org.depth > 0;
