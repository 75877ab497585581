/** The common vocabulary of every content kind. */

export const ContentKind = {
  NEWS: 'NEWS', // 工作动态
  DISCLOSURE: 'DISCLOSURE', // 党务公开
  CASE: 'CASE', // 经验交流: experience cases
  RESOURCE: 'RESOURCE', // 共建共享: shared resources
} as const;
export type ContentKind = (typeof ContentKind)[keyof typeof ContentKind];

/** The GraphQL type name of each kind (also the prefix of its global ids). */
export const TYPE_OF_KIND: Record<ContentKind, string> = {
  NEWS: 'NewsArticle',
  DISCLOSURE: 'Disclosure',
  CASE: 'ExperienceCase',
  RESOURCE: 'SharedResource',
};

/** DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, or REJECTED (with a reason) back to the author. */
export const ContentStatus = {
  DRAFT: 'DRAFT',
  IN_REVIEW: 'IN_REVIEW',
  REJECTED: 'REJECTED',
  PUBLISHED: 'PUBLISHED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type ContentStatus = (typeof ContentStatus)[keyof typeof ContentStatus];

/** Who may read a published item. */
export const Visibility = {
  PUBLIC: 'PUBLIC', // everyone
  ENTERPRISE: 'ENTERPRISE', // signed-in members of the owner's enterprise
  OWN_ORGANIZATION: 'OWN_ORGANIZATION', // members of the owner organisation itself, plus editors, reviewers and admins at or above it
  ORGANIZATION: 'ORGANIZATION', // members of the owner's subtree, plus reviewers and admins above it
  PARTNERS: 'PARTNERS', // the enterprise, plus enterprises in an active partnership
  PLATFORM: 'PLATFORM', // every signed-in user of every enterprise
  TARGETED: 'TARGETED', // members of the named organisations' subtrees (ContentTarget), plus reviewers and admins above the owner
} as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];
