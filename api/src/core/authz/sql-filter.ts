/**
 * Turns the ability's rules for (action, subject type) into a MikroORM filter, so authorisation
 * happens in SQL and pages, totals and cursors never reveal a hidden row.
 *
 * `null` means "no rule allows anything": callers return an empty result without querying.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectType } from './ability.js';

export function accessibleWhere<T extends object>(ability: AppAbility, action: Action, subject: SubjectType): FilterQuery<T> | null {
  const condition = rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => {
      const conditions = (rule.conditions ?? {}) as FilterQuery<T>;
      return rule.inverted ? ({ $not: conditions } as FilterQuery<T>) : conditions;
    },
    {
      and: (parts) => (parts.length === 1 ? parts[0]! : ({ $and: parts } as FilterQuery<T>)),
      or: (parts) => (parts.length === 1 ? parts[0]! : ({ $or: parts } as FilterQuery<T>)),
      empty: () => ({}) as FilterQuery<T>,
    },
  );
  return condition as FilterQuery<T> | null;
}

/** ANDs the caller's filter with the ability's; `null` when the caller may see nothing. */
export function authorised<T extends object>(ability: AppAbility, subject: SubjectType, where: FilterQuery<T>, action: Action = 'read'): FilterQuery<T> | null {
  const access = accessibleWhere<T>(ability, action, subject);
  if (access === null) return null;
  return isEmpty(access) ? where : ({ $and: [where, access] } as FilterQuery<T>);
}

function isEmpty(filter: object): boolean {
  return Object.keys(filter).length === 0;
}
