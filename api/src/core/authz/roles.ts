/** Roles held at an organisation; each covers the organisation and its whole subtree. */
export const Role = {
  ORG_ADMIN: 'ORG_ADMIN', // 党务管理员
  EDITOR: 'EDITOR', // 编辑
  REVIEWER: 'REVIEWER', // 审核
  MEMBER: 'MEMBER', // 党员
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** What an API key may do, always inside its own enterprise. */
export const ApiScope = {
  PUBLIC_READ: 'PUBLIC_READ',
  INTERNAL_READ: 'INTERNAL_READ',
  CONTENT_WRITE: 'CONTENT_WRITE',
} as const;
export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

/** Roles that work on content (write, review, administer), as opposed to MEMBER, which reads. */
export const WORKER_ROLES: readonly Role[] = [Role.EDITOR, Role.REVIEWER, Role.ORG_ADMIN];
