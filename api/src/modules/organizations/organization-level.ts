/** Levels of Party organisation, from the top. 党委 nests (group committee → subsidiary committee). */
export const OrganizationLevel = {
  COMMITTEE: 'COMMITTEE', // 党委
  GENERAL_BRANCH: 'GENERAL_BRANCH', // 党总支
  BRANCH: 'BRANCH', // 党支部
  GROUP: 'GROUP', // 党小组
} as const;
export type OrganizationLevel = (typeof OrganizationLevel)[keyof typeof OrganizationLevel];

const ALLOWED_CHILDREN: Record<OrganizationLevel, readonly OrganizationLevel[]> = {
  COMMITTEE: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'],
  GENERAL_BRANCH: ['BRANCH'],
  BRANCH: ['GROUP'],
  GROUP: [],
};

/** Whether an organisation of `child` level may sit directly under one of `parent` level. */
export function mayContain(parent: OrganizationLevel, child: OrganizationLevel): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}
