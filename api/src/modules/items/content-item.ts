/** `ContentItem`: any content item, whatever its kind — what search finds, live updates deliver and the shared workflow returns. */
import { createUnionType } from 'type-graphql';
import { Content } from '../content/content.entity.js';
import { TYPE_OF_KIND } from '../content/content-enums.js';

export { TYPE_OF_KIND };
import { ExperienceCaseType } from '../cases/case.types.js';
import { DisclosureType } from '../disclosures/disclosure.types.js';
import { NewsArticleType } from '../news/news.types.js';
import { SharedResourceType } from '../resources/resource.types.js';

export const ContentItem = createUnionType({
  name: 'ContentItem',
  types: () => [NewsArticleType, DisclosureType, ExperienceCaseType, SharedResourceType] as const,
  resolveType: (value) => TYPE_OF_KIND[(value as Content).kind],
});
