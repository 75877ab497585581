/** The 基层党委 of an organisation: its nearest ancestor that is a 党委 (it approves, issues and receives). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from './organization.entity.js';

export async function committeeAbove(em: EntityManager, org: Organization): Promise<Organization | null> {
  const ancestors = org.path.split('/').filter(Boolean).map(Number).filter((id) => id !== org.id);
  if (ancestors.length === 0) return null;
  const committees = await em.find(Organization, { id: { $in: ancestors }, level: 'COMMITTEE' });
  return committees.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}
