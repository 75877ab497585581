/** The two demo enterprises are partners (共建单位): proposed by one's admin, accepted by the other's. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { demoActor } from '../content/content.demo.js';
import { acceptPartnership, proposePartnership } from './partnership.service.js';

export const demoPartnership = { proposer: 'huayou', partner: 'jiangchuan-power', proposedBy: 'admin@huayou.example', acceptedBy: 'admin@jcpower.example', message: '党建共建、资源共享、互学互鉴' };

export async function seedDemoPartnership(em: EntityManager): Promise<string[]> {
  const [pair] = await em.execute<{ a: number; b: number; linked: boolean }[]>(
    `select a.id as a, b.id as b, exists (select 1 from partnership p where (p.proposer_id, p.partner_id) in ((a.id, b.id), (b.id, a.id))) as linked
       from enterprise a, enterprise b where a.slug = ? and b.slug = ?`,
    [demoPartnership.proposer, demoPartnership.partner],
  );
  if (!pair || pair.linked) return [];
  const proposal = await proposePartnership(em, await demoActor(em, demoPartnership.proposedBy), pair.a, pair.b, demoPartnership.message);
  await acceptPartnership(em, await demoActor(em, demoPartnership.acceptedBy), proposal.id);
  return [`partnership ${demoPartnership.proposer}–${demoPartnership.partner}`];
}
