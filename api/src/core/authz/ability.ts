/**
 * One CASL ability per request, built from who the caller is. Every resolver asks it; every list,
 * count and batched load turns it into SQL with `accessibleWhere` (see sql-filter.ts).
 *
 * The identity module (accounts, memberships, API keys) grows this into per-level rules. Until
 * then the only caller is the anonymous visitor, who may read the public organisation structure:
 * enterprises, their organisation trees and their portals.
 */
import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';

export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage';
export type SubjectType = 'Enterprise' | 'Organization' | 'Portal';
export type AppAbility = MongoAbility<[Action, SubjectType | { __typename: SubjectType }], MongoQuery>;

export type Viewer = { kind: 'anonymous' };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function defineAbilityFor(_viewer: Viewer): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  can('read', ['Enterprise', 'Organization', 'Portal']);
  return build({ detectSubjectType: (subject) => subject.__typename });
}
