/**
 * The demo's publications go the way people's do: the author writes and submits, a reviewer at or
 * above the owner approves (never the author: the rules forbid it), and only then is the item dated
 * back to when the demo says it appeared — the one thing the services cannot do, history. Runs in
 * the seed's backfill transaction, so nobody is notified of last week's news.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { actorOfLogin } from '../identity/user-actor.js';
import { demoOwner } from '../organizations/organization.demo.js';
import { approveContent, pinContent, submitContent } from './content.service.js';

/** Where and by whom a demo item is written, and when it appeared (no day: still in review). */
export interface DemoItem {
  enterprise: string;
  organization: string;
  /** The login of a demo account. */
  author: string;
  title: string;
  publishedDaysAgo?: number;
  pinned?: boolean;
}

/** The item's own fields, for its kind's service: what DemoItem adds taken off. */
export function demoFields<T extends DemoItem>(item: T): Omit<T, 'enterprise' | 'organization' | 'author' | 'publishedDaysAgo' | 'pinned'> {
  const { enterprise: _e, organization: _o, author: _a, publishedDaysAgo: _d, pinned: _p, ...fields } = item;
  return fields;
}

/**
 * Seeds the items not there yet: each written by its author through `write` (the kind's own
 * service), reviewed by the nearest reviewer above (publishDemoItem), then `after` — what more
 * the demo does with it. Returns the titles it added.
 */
export async function seedDemoItems<T extends DemoItem>(
  em: EntityManager,
  items: readonly T[],
  write: (author: Actor, organizationId: number, item: T) => Promise<{ id: string | number }>,
  after?: (id: string, author: Actor, item: T) => Promise<void>,
): Promise<string[]> {
  const created: string[] = [];
  for (const item of items) {
    const owner = await demoOwner(em, item.enterprise, item.organization, item.title);
    if (!owner) continue;
    const author = await demoActor(em, item.author);
    const id = String((await write(author, owner.id, item)).id);
    await publishDemoItem(em, id, { author, reviewer: await demoReviewer(em, owner.id, author) }, item);
    await after?.(id, author, item);
    created.push(item.title);
  }
  return created;
}

/** The demo account with this login, as an actor; the seed's data names only accounts it creates. */
export async function demoActor(em: EntityManager, login: string): Promise<Actor> {
  const actor = await actorOfLogin(em, login);
  if (!actor) throw new Error(`The demo has no account ${login}.`);
  return actor;
}

/** The nearest reviewer or admin at or above the organisation who is not the author. */
export async function demoReviewer(em: EntityManager, organizationId: number, author: Actor): Promise<Actor> {
  const [row] = await em.execute<{ login: string }[]>(
    `select coalesce(u.email, u.phone) as login
       from organization o join organization a on o.path like a.path || '%'
       join membership m on m.organization_id = a.id and m.role in ('REVIEWER', 'ORG_ADMIN')
       join app_user u on u.id = m.user_id
      where o.id = ? and u.id <> ?
      order by a.depth desc, m.role = 'REVIEWER' desc, u.id limit 1`,
    [organizationId, author.viewer.kind === 'user' ? author.viewer.userId : 0],
  );
  if (!row) throw new Error(`No demo reviewer above organisation ${organizationId}.`);
  return demoActor(em, row.login);
}

/**
 * Submits the item as its author; with `publishedDaysAgo`, approves it as `reviewer` (and pins it),
 * then dates its publication, creation and first revision back that many days.
 */
export async function publishDemoItem(
  em: EntityManager,
  id: string,
  people: { author: Actor; reviewer: Actor },
  history: { publishedDaysAgo?: number | undefined; pinned?: boolean | undefined },
  approve: (reviewer: Actor) => Promise<unknown> = () => approveContent(em, people.reviewer, id),
): Promise<void> {
  await submitContent(em, people.author, id);
  if (history.publishedDaysAgo === undefined) return; // still waiting for review
  await approve(people.reviewer);
  if (history.pinned) await pinContent(em, people.reviewer, id, true);
  await backdate(em, id, history.publishedDaysAgo);
}

/** Moves an item's own dates back: written an hour before it appeared, on the day the demo says. */
export async function backdate(em: EntityManager, id: string, days: number): Promise<void> {
  const at = `(select now() - ?::interval as at)`;
  await em.execute(
    `update content c set published_at = t.at, publish_notified_at = t.at, created_at = t.at - interval '1 hour', updated_at = t.at,
            pinned_at = case when c.pinned_at is null then null else t.at end
       from ${at} t where c.id = ?`,
    [`${days} days`, id],
  );
  await em.execute(`update content_revision r set created_at = t.at - interval '1 hour' from ${at} t where r.content_id = ?`, [`${days} days`, id]);
}
