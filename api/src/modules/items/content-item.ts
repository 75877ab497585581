/** `ContentItem`: any content item, whatever its kind — what search finds, live updates deliver and the shared workflow returns. Its members are the declared kinds (content/kinds.ts). */
import { createUnionType, type ClassType } from 'type-graphql';
import type { Content } from '../content/content.entity.js';
import { contentKinds, typeNameOf } from '../content/kinds.js';

export const ContentItem = createUnionType({
  name: 'ContentItem', description: 'Any published item: a news article, a disclosure, a case or a shared resource.',
  types: () => contentKinds().map((k) => k.type()) as [ClassType, ...ClassType[]],
  resolveType: (value) => typeNameOf((value as Content).kind),
});
