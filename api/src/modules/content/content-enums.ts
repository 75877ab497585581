/** The common vocabulary of every content kind. */

/**
 * The kinds' codes, as stored in `content.kind`. The base lists none: each kind's module declares
 * its own code by declaration merging and registers the kind with `defineContentKind` (kinds.ts),
 * which also fills `ContentKind` at run time:
 *
 *   declare module '../content/content-enums.js' { interface ContentKinds { NEWS: true } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kinds' modules
export interface ContentKinds {}
export type ContentKind = keyof ContentKinds & string;
/** `ContentKind.NEWS` … — every registered kind's code (filled by defineContentKind). */
export const ContentKind = {} as { readonly [K in ContentKind]: K };

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
