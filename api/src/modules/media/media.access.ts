/**
 * Who may fetch a file: the editors, reviewers and admins of its organisation (and above), and
 * whoever may read some item that uses it — except a file attached to an ON_REQUEST resource,
 * which needs the right to use that resource (resources/resource.access.ts). Asked of the
 * database, with the same rules as lists.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, type Actor } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import { Content, ContentAttachment } from '../content/content.entity.js';
import { ContentKind } from '../content/content-enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { usableResources } from '../resources/resource.access.js';
import type { MediaFile } from './media.entity.js';

export async function mayReadMedia(em: EntityManager, actor: Actor, media: MediaFile): Promise<boolean> {
  if (await can(em, actor, 'useMedia', Organization, 'Organization', media.organization.id)) return true;
  const items = await findAuthorised({ em, ability: actor.ability }, Content, 'Content', { media: { $some: { id: media.id } } }, { limit: 50 });
  if (items.length === 0) return false;
  if (items.some((c) => c.kind !== ContentKind.RESOURCE)) return true;
  // In a resource's description or cover, a file is as readable as the resource itself.
  const attached = new Set((await em.find(ContentAttachment, { mediaFile: media.id, content: { $in: items.map((c) => c.id) } })).map((a) => String(a.content.id)));
  if (items.some((c) => !attached.has(String(c.id)))) return true;
  return (await usableResources(em, actor, items.map((c) => String(c.id)))).size > 0;
}
