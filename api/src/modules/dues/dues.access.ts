/**
 * Which dues items a caller reads, in SQL: those of member records they read (the member's own
 * included), and those of the months of branches whose records they read — which adds the guests
 * a host branch itemises (mobile members paying there) without opening the guests' records.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { memberReadFilter } from '../members/member.access.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { DuesItem } from './dues.entity.js';

export function duesItemReadFilter(actor: Actor): FilterQuery<DuesItem> | null {
  const members = memberReadFilter(actor);
  const orgs = accessibleWhere<Organization>(actor.ability, 'readMemberRecords', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<DuesItem>[] = [];
  if (members) parts.push({ member: members } as FilterQuery<DuesItem>);
  if (orgs) parts.push({ month: { organization: orgs } } as FilterQuery<DuesItem>);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { $or: parts };
}
