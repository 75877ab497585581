/**
 * Who a branch's month itemises beyond its own roll, and whom it leaves out: other modules adjust
 * it (mobile members pay at their host — DOMAIN-RULES §5). Dues knows none of them: each
 * registers an adjustment when its module loads.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organization } from '../organizations/organization.entity.js';

export interface RollAdjustment {
  /** Members of other branches (or enterprises) who pay here this month. */
  guests: number[];
  /** Members of this branch's roll who pay elsewhere this month. */
  away: number[];
}

type Adjuster = (tx: EntityManager, branch: Organization, month: string) => Promise<RollAdjustment>;
const adjusters: Adjuster[] = [];

export function registerRollAdjustment(adjuster: Adjuster): void {
  adjusters.push(adjuster);
}

export async function rollAdjustment(tx: EntityManager, branch: Organization, month: string): Promise<RollAdjustment> {
  const all = await Promise.all(adjusters.map((a) => a(tx, branch, month)));
  return { guests: [...new Set(all.flatMap((a) => a.guests))], away: [...new Set(all.flatMap((a) => a.away))] };
}
