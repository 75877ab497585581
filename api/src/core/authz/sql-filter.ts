/**
 * Turns the ability's rules for (action, subject type) into a MikroORM filter, so authorisation
 * happens in SQL and pages, totals and cursors never reveal a hidden row.
 *
 * `null` means "no rule allows anything": callers return an empty result without querying.
 * Conditions use MongoDB operators, which MikroORM shares, plus `$startsWith` for subtrees, which
 * becomes an indexed `LIKE 'prefix%'` on the materialised path.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectType } from './ability.js';

type Filter = Record<string, unknown>;

/** A LIKE pattern's literal part: %, _ and \ match themselves. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function toOrm(condition: unknown): unknown {
  if (Array.isArray(condition)) return condition.map(toOrm);
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return condition;
  const out: Filter = {};
  // Own keys, symbols included: a raw SQL condition (`raw(…)` as a key) is a symbol.
  for (const key of Reflect.ownKeys(condition)) {
    const value = (condition as Record<string | symbol, unknown>)[key];
    if (key === '$startsWith') out.$like = `${escapeLike(String(value))}%`;
    else (out as Record<string | symbol, unknown>)[key] = toOrm(value);
  }
  return out;
}

export function accessibleWhere<T extends object>(ability: AppAbility, action: Action, subject: SubjectType): FilterQuery<T> | null {
  const condition = rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => {
      const conditions = toOrm(rule.conditions ?? {}) as Filter;
      return rule.inverted ? { $not: conditions } : conditions;
    },
    {
      and: (parts: Filter[]) => (parts.length === 1 ? parts[0]! : { $and: parts }),
      or: (parts: Filter[]) => (parts.some(isEmpty) ? {} : parts.length === 1 ? parts[0]! : { $or: parts }),
      empty: () => ({}),
    },
  );
  return condition as FilterQuery<T> | null;
}

/** ANDs the caller's filter with the ability's; `null` when the caller may see nothing. */
export function authorised<T extends object>(ability: AppAbility, subject: SubjectType, where: FilterQuery<T>, action: Action = 'read'): FilterQuery<T> | null {
  const access = accessibleWhere<T>(ability, action, subject);
  if (access === null) return null;
  return isEmpty(access as Filter) ? where : ({ $and: [where, access] } as FilterQuery<T>);
}

function isEmpty(filter: Filter): boolean {
  return Reflect.ownKeys(filter).length === 0; // a raw condition is a symbol key
}

/**
 * True when a filter from `accessibleWhere` restricts nothing. Check it before nesting the filter
 * under a relation: `{ organization: {} }` is not "any organisation" to the ORM.
 */
export function isUnrestricted(filter: unknown): boolean {
  return filter !== null && typeof filter === 'object' && isEmpty(filter as Filter);
}
