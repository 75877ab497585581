/**
 * Content kinds declare themselves once (`defineContentKind` in their own module): the code stored
 * in `content.kind`, the GraphQL type (implementing `Content`; the `ContentItem` union, node ids
 * and search follow it), whether the shared workflow mutations apply, what its items are called and
 * where they are reviewed, and — as a hook — when a file an item uses may be fetched. The content
 * base knows none of the kinds above it; it asks this registry.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import type { Actor } from '../../core/authz/check.js';
import { ContentKind } from './content-enums.js';
import type { Content } from './content.entity.js';

export interface ContentKindDefinition<K extends ContentKind = ContentKind> {
  kind: K;
  /** The GraphQL type name, also the prefix of its global ids, e.g. `NewsArticle`. */
  typeName: string;
  /** The GraphQL object type (a thunk: types are declared after kinds). */
  type: () => ClassType;
  /** What one item is called, e.g. 工作动态. */
  label: string;
  /** Where its items are reviewed in the portal workspace. */
  reviewLink: string;
  /**
   * `shared`: contentSubmit/Approve/Reject/… apply. Otherwise the kind has steps of its own and the
   * shared mutations refuse it with `ownWorkflow` as the message.
   */
  workflow: 'shared' | { ownWorkflow: string };
  /**
   * Files used by items of this kind that the caller may read: may the caller fetch them?
   * Defaults to yes (whoever may read an item may see the files in it).
   */
  mayUseFiles?: (em: EntityManager, actor: Actor, items: Content[], mediaId: string) => Promise<boolean>;
}

const kinds = new Map<ContentKind, ContentKindDefinition>();

export function defineContentKind<K extends ContentKind>(definition: ContentKindDefinition<K>): ContentKindDefinition<K> {
  if (kinds.has(definition.kind)) throw new Error(`content kind ${definition.kind} is declared twice`);
  kinds.set(definition.kind, definition as unknown as ContentKindDefinition);
  (ContentKind as Record<string, string>)[definition.kind] = definition.kind;
  return definition;
}

export const contentKinds = (): ContentKindDefinition[] => [...kinds.values()];

export function contentKind(kind: ContentKind): ContentKindDefinition {
  const definition = kinds.get(kind);
  if (!definition) throw new Error(`content kind ${kind} is not declared`);
  return definition;
}

/** The GraphQL type name of a kind (and the prefix of its global ids). */
export const typeNameOf = (kind: ContentKind): string => contentKind(kind).typeName;

/** The kind whose items have global ids of `typeName`, if any. */
export const kindOfTypeName = (typeName: string): ContentKindDefinition | undefined => contentKinds().find((k) => k.typeName === typeName);
