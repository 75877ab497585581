/**
 * A mobile member pays dues at the host (DOMAIN-RULES §5: "组织关系一方隶属、参加多重组织生活"):
 * from the month they reported to a host on the platform until the month they came back, the
 * host branch itemises them and their own branch leaves them out. A 临时党支部 collects no dues: members in
 * one stay on their home branch's roll.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from '../dues/month.js';
import type { RollAdjustment } from '../dues/roll.js';
import type { Organization } from '../organizations/organization.entity.js';

export async function mobileDuesRoll(tx: EntityManager, branch: Organization, month: string): Promise<RollAdjustment> {
  const first = `${month}-01`;
  const end = `${addMonths(month, 1)}-01`;
  const rows = await tx.getConnection().execute<{ member_id: number; side: 'guest' | 'away' }[]>(
    `select r.member_id, case when h.path like ? then 'guest' else 'away' end as side
       from mobile_registration r
       join organization h on h.id = r.host_organization_id
       join organization o on o.id = r.home_organization_id
      where r.status in ('AT_HOST', 'RETURNED') and not h.temporary and r.arrived_on < ?::date and (r.returned_on is null or r.returned_on >= ?::date)
        and (h.path like ? or (o.path like ? and r.enterprise_id = ?))`,
    [`${branch.path}%`, end, first, `${branch.path}%`, `${branch.path}%`, branch.enterprise.id],
    'all',
    tx.getTransactionContext(),
  );
  return { guests: rows.filter((r) => r.side === 'guest').map((r) => r.member_id), away: rows.filter((r) => r.side === 'away').map((r) => r.member_id) };
}
