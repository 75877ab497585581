/**
 * Demo dues: a year of months for every branch that has demo members — bases (wages, pensions),
 * the months up to last one settled, this one open; most members paid on time, a few in arrears
 * of three to seven months (the flags the dues page shows). Additive and idempotent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomFrom } from '../../demo/people.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { DEMO_ROLLS } from '../members/members.demo.js';
import { Organization } from '../organizations/organization.entity.js';
import { DuesBase, DuesChannel, DuesItem, DuesItemStatus, DuesMonth, DuesMonthStatus, DuesPayment } from './dues.entity.js';
import { addMonths, currentMonth } from './month.js';
import { duesFor, DuesBaseKind } from './rate.js';

const MONTHS = 12;

export async function seedDemoDues(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  const now = currentMonth();
  const first = addMonths(now, 1 - MONTHS);
  for (const roll of DEMO_ROLLS) {
    const enterprise = await em.findOne(Enterprise, { slug: roll.enterprise });
    if (!enterprise) continue;
    const branches = await em.find(Organization, { enterprise, name: { $in: roll.branches.map(([name]) => name) }, level: 'BRANCH' }, { orderBy: { id: 'asc' } });
    if (branches.length === 0 || (await em.count(DuesMonth, { organization: { $in: branches.map((b) => b.id) } }))) continue;
    const members = await em.find(Member, { organization: { $in: branches.map((b) => b.id) }, status: MemberStatus.NORMAL }, { orderBy: { id: 'asc' } });
    if (members.length === 0) continue;
    const random = randomFrom(`dues/${roll.enterprise}`);
    // Each member's base from the first month, and the month their arrears begin (if any).
    const plan = new Map<number, { kind: DuesBaseKind; fen: number; stopsAt: string | null }>();
    for (const m of members) {
      const retired = m.position === '退休';
      const kind = retired ? DuesBaseKind.PENSION : DuesBaseKind.WAGE;
      const fen = (retired ? 3_500 + Math.floor(random() * 36) * 100 : 4_000 + Math.floor(random() * 121) * 100) * 100;
      const stopsAt = random() < 0.05 ? addMonths(now, -(3 + Math.floor(random() * 5))) : null;
      plan.set(m.id, { kind, fen, stopsAt });
      em.create(DuesBase, { enterprise, member: m, kind, amountFen: fen, fromMonth: first, recordedBy: null } as never);
    }
    const months = new Map<string, DuesMonth>();
    for (const branch of branches) {
      for (let k = 0; k < MONTHS; k += 1) {
        const month = addMonths(first, k);
        const settled = month < now;
        months.set(`${branch.id}/${month}`, em.create(DuesMonth, { enterprise, organization: branch, month, status: settled ? DuesMonthStatus.SETTLED : DuesMonthStatus.OPEN, openedAt: new Date(`${month}-01T09:00:00+08:00`), settledAt: settled ? new Date(`${addMonths(month, 1)}-05T17:00:00+08:00`) : null } as never));
      }
    }
    await em.flush();
    const items: DuesItem[] = [];
    for (const m of members) {
      const { kind, fen, stopsAt } = plan.get(m.id)!;
      const { rateBp, dueFen } = duesFor(kind, fen);
      for (let k = 0; k < MONTHS; k += 1) {
        const month = addMonths(first, k);
        // 预备党员 owe from the month of the 支部大会.
        if (month < m.joinedOn.slice(0, 7)) continue;
        const unpaid = (stopsAt !== null && month >= stopsAt) || (month === now && random() < 0.35);
        const paidAt = unpaid ? null : new Date(`${month}-${String(8 + Math.floor(random() * 18)).padStart(2, '0')}T10:00:00+08:00`);
        items.push(em.create(DuesItem, { enterprise, month: months.get(`${m.organization.id}/${month}`)!, member: m, period: month, baseKind: kind, baseFen: fen, rateBp, dueFen, status: unpaid ? DuesItemStatus.UNPAID : DuesItemStatus.PAID, paidFen: unpaid ? 0 : dueFen, paidAt } as never));
      }
    }
    await em.flush();
    for (const item of items) {
      if (item.status !== DuesItemStatus.PAID) continue;
      em.create(DuesPayment, { enterprise, item, amountFen: item.dueFen, channel: random() < 0.7 ? DuesChannel.ONLINE : DuesChannel.CASH, idempotencyKey: `demo-${item.id}`, recordedBy: null, paidAt: item.paidAt! } as never);
    }
    await em.flush();
    em.clear(); // what follows in the seed's transaction need not track these thousands of rows
    created.push(`${items.length} demo dues items in ${roll.enterprise}`);
  }
  return created;
}
