/** The people to tell about an organisation's business: the ORG_ADMINs of it and of every organisation above it. */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function adminsAbove(em: EntityManager, organizationId: number): Promise<number[]> {
  const rows = await em.execute<{ user_id: number }[]>(
    `select distinct m.user_id from membership m join organization a on a.id = m.organization_id
      where m.role = 'ORG_ADMIN' and (select path from organization where id = ?) like a.path || '%'`,
    [organizationId],
  );
  return rows.map((r) => r.user_id);
}
