/** 工作动态 as a content kind: the shared workflow, reviewed on the review page. */
import { defineContentKind } from '../content/kinds.js';
import { NewsArticleType } from './news.types.js';

declare module '../content/content-enums.js' {
  interface ContentKinds {
    NEWS: true; // 工作动态
  }
}

export const NEWS_KIND = defineContentKind({
  kind: 'NEWS',
  typeName: 'NewsArticle',
  type: () => NewsArticleType,
  label: '工作动态',
  reviewLink: '/workspace/review',
  workflow: 'shared',
});
