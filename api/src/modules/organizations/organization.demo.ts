/** Finding the demo's organisations by the names its data uses. */
import type { EntityManager } from '@mikro-orm/postgresql';

interface Found {
  id: number;
  enterpriseId: number;
}

/** The organisation with this name in the demo enterprise with this slug. */
export async function demoOrganization(em: EntityManager, enterpriseSlug: string, name: string): Promise<Found> {
  const [row] = await em.execute<{ id: number; enterprise_id: number }[]>(
    'select o.id, o.enterprise_id from organization o join enterprise e on e.id = o.enterprise_id where e.slug = ? and o.name = ?',
    [enterpriseSlug, name],
  );
  if (!row) throw new Error(`The demo enterprise ${enterpriseSlug} has no organisation ${name}.`);
  return { id: row.id, enterpriseId: row.enterprise_id };
}

/**
 * The organisation that is to own a demo item, or null when the item is there already (the seed is
 * additive: a database seeded by an older version gains only what is new) or its enterprise is not.
 */
export async function demoOwner(em: EntityManager, enterpriseSlug: string, name: string, title: string): Promise<Found | null> {
  const [row] = await em.execute<{ id: number; enterprise_id: number; taken: boolean }[]>(
    `select o.id, o.enterprise_id, exists (select 1 from content c where c.enterprise_id = e.id and c.title = ?) as taken
       from organization o join enterprise e on e.id = o.enterprise_id where e.slug = ? and o.name = ?`,
    [title, enterpriseSlug, name],
  );
  return row && !row.taken ? { id: row.id, enterpriseId: row.enterprise_id } : null;
}
