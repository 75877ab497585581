/** RSS for a portal's news, and its sitemap: built from the same trusted documents as the pages. */
import { ApiError, DOCUMENTS, request } from './api.js';
import { siteFor, type Site } from './site.js';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

async function withSite(req: Request, slug: string | undefined, build: (site: Site, origin: string) => Promise<string>, type: string): Promise<Response> {
  try {
    const site = await siteFor(req, slug);
    if (!site) return new Response('Not found', { status: 404 });
    const body = await build(site, new URL(req.url).origin);
    return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=300' } });
  } catch (error) {
    if (error instanceof ApiError) return new Response('Unavailable', { status: 503, headers: { 'cache-control': 'no-store' } });
    throw error;
  }
}

export const rss = (req: Request, slug?: string) =>
  withSite(
    req,
    slug,
    async (site, origin) => {
      const news = (await request(DOCUMENTS.newsList, 'NewsList', { organizationId: site.portal.organization.id, after: null })).news.nodes;
      const home = `${origin}${site.base}/`;
      const items = news
        .map(
          (n) => `    <item>
      <title>${escapeXml(n.title)}</title>
      <link>${home}news/${n.id}</link>
      <guid isPermaLink="true">${home}news/${n.id}</guid>
      <pubDate>${new Date(n.publishedAt ?? Date.now()).toUTCString()}</pubDate>
      <description>${escapeXml(n.summary ?? '')}</description>
      <category>${escapeXml(n.organization?.name ?? '')}</category>
    </item>`,
        )
        .join('\n');
      return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(site.portal.title)} · 工作动态</title>
    <link>${home}</link>
    <atom:link href="${home}rss.xml" rel="self" type="application/rss+xml" />
    <description>${escapeXml(`${site.portal.enterprise.name} ${site.portal.organization.name}的工作动态`)}</description>
    <language>zh-CN</language>
${items}
  </channel>
</rss>
`;
    },
    'application/rss+xml',
  );

export const sitemap = (req: Request, slug?: string) =>
  withSite(
    req,
    slug,
    async (site, origin) => {
      const org = site.portal.organization.id;
      const [news, disclosures] = await Promise.all([
        request(DOCUMENTS.newsList, 'NewsList', { organizationId: org, after: null }),
        request(DOCUMENTS.disclosures, 'Disclosures', { organizationId: org, category: null, after: null }),
      ]);
      const home = `${origin}${site.base}/`;
      const urls = [
        ...['', 'news/', 'disclosures/', 'cases/', 'resources/'].map((p) => ({ loc: `${home}${p}`, lastmod: null as string | null })),
        ...news.news.nodes.map((n) => ({ loc: `${home}news/${n.id}`, lastmod: n.publishedAt })),
        ...disclosures.disclosures.nodes.map((n) => ({ loc: `${home}disclosures/${n.id}`, lastmod: n.publishedAt })),
      ];
      return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
    },
    'application/xml',
  );
