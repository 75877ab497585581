/**
 * Who may fetch a file: the editors, reviewers and admins of its organisation (and above), and
 * whoever may read some item that uses it — as far as that item's kind allows (its `mayUseFiles`
 * hook: e.g. a file attached to an ON_REQUEST resource needs the right to use that resource),
 * and whoever reads a record of another module that holds it (`registerFileReader`).
 * Asked of the database, with the same rules as lists.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, type Actor } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import { Content } from '../content/content.entity.js';
import { contentKind } from '../content/kinds.js';
import { Organization } from '../organizations/organization.entity.js';
import { readsThroughRecords } from './file-readers.js';
import type { MediaFile } from './media.entity.js';

export async function mayReadMedia(em: EntityManager, actor: Actor, media: MediaFile): Promise<boolean> {
  if (await can(em, actor, 'useMedia', Organization, 'Organization', media.organization.id)) return true;
  const items = await findAuthorised({ em, ability: actor.ability }, Content, 'Content', { media: { $some: { id: media.id } } }, { limit: 50 });
  // Any kind whose items the caller reads and whose rule allows it (no rule: reading is enough).
  for (const kind of new Set(items.map((c) => c.kind))) {
    const rule = contentKind(kind).mayUseFiles;
    if (!rule || (await rule(em, actor, items.filter((c) => c.kind === kind), String(media.id)))) return true;
  }
  return readsThroughRecords(em, actor, String(media.id));
}
