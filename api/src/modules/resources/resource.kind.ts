/**
 * 共建共享 as a content kind: the shared workflow, and its file-use rule — a file attached to an
 * ON_REQUEST resource needs the right to use that resource; in its description or cover, a file is
 * as readable as the resource itself.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { ContentAttachment, type Content } from '../content/content.entity.js';
import { defineContentKind } from '../content/kinds.js';
import { usableResources } from './resource.access.js';
import { SharedResourceType } from './resource.types.js';

declare module '../content/content-enums.js' {
  interface ContentKinds {
    RESOURCE: true; // 共建共享: shared resources
  }
}

async function mayUseFiles(em: EntityManager, actor: Actor, items: Content[], mediaId: string): Promise<boolean> {
  const attached = new Set((await em.find(ContentAttachment, { mediaFile: mediaId, content: { $in: items.map((c) => c.id) } })).map((a) => String(a.content.id)));
  if (items.some((c) => !attached.has(String(c.id)))) return true;
  return (await usableResources(em, actor, items.map((c) => String(c.id)))).size > 0;
}

export const RESOURCE_KIND = defineContentKind({
  kind: 'RESOURCE',
  typeName: 'SharedResource',
  type: () => SharedResourceType,
  label: '共享资源',
  reviewLink: '/workspace/',
  workflow: 'shared',
  mayUseFiles,
});
