/**
 * The one way to list and count rows the caller may see: the caller's filter ANDed with the
 * ability's, in SQL. Every module's readers are thin wrappers around these two.
 */
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action, AppAbility, SubjectType } from './ability.js';
import { authorised } from './sql-filter.js';

interface Reader {
  em: EntityManager;
  ability: AppAbility;
}

export type OrderBy = Record<string, 'asc' | 'desc'>;

export interface ListOptions {
  /** An array when mixing raw SQL keys with fields: the ORM needs them in separate objects. */
  orderBy?: OrderBy | OrderBy[];
  limit?: number;
  offset?: number;
}

export async function findAuthorised<T extends object>(
  reader: Reader,
  entity: EntityName<T>,
  subject: SubjectType,
  where: FilterQuery<T>,
  options: ListOptions = {},
  action: Action = 'read',
): Promise<T[]> {
  const filter = authorised(reader.ability, subject, where, action);
  if (!filter) return [];
  // The casts only bridge MikroORM's NoInfer<T> generics for a caller-chosen entity type.
  return reader.em.find(entity, filter as never, { orderBy: (options.orderBy ?? { id: 'asc' }) as never, limit: options.limit, offset: options.offset });
}

export async function countAuthorised<T extends object>(reader: Reader, entity: EntityName<T>, subject: SubjectType, where: FilterQuery<T>): Promise<number> {
  const filter = authorised(reader.ability, subject, where);
  return filter ? reader.em.count(entity, filter as never) : 0;
}
