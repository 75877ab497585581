/** Search across the portal's kinds of content, with highlighted snippets. */
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import Search from './Search.astro';

export const searchPages: PageRoute[] = [
  {
    path: 'search',
    async handle({ site, url }) {
      const query = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
      const data = query ? (await request(DOCUMENTS.search, 'Search', { query, after: url.searchParams.get('after') })).search : null;
      return page(Search, { site, data, query }, { title: query ? `搜索：${query}` : '搜索', description: `在${site.portal.title}搜索。`, section: 'search/' });
    },
  },
];
