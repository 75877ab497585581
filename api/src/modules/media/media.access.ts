/**
 * Who may fetch a file: the editors, reviewers and admins of its organisation (and above), and
 * whoever may read some item that uses it. Asked of the database, with the same rules as lists.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, type Actor } from '../../core/authz/check.js';
import { countAuthorised } from '../../core/authz/queries.js';
import { Content } from '../content/content.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { MediaFile } from './media.entity.js';

export async function mayReadMedia(em: EntityManager, actor: Actor, media: MediaFile): Promise<boolean> {
  if (await can(em, actor, 'useMedia', Organization, 'Organization', media.organization.id)) return true;
  return (await countAuthorised({ em, ability: actor.ability }, Content, 'Content', { media: media.id })) > 0;
}
