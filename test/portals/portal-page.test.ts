/** The portals app (built by the global setup) reading the real API over HTTP. */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';

// As in production: anonymous callers run only trusted documents, with budgets per visitor —
// the portals send nothing else, and each visitor pays for their own pages.
const suite = useSuite({ env: { ANONYMOUS_DOCUMENTS: 'trusted', RATE_LIMIT_ANONYMOUS: '100000' }, portals: true });
const { db, api } = suite;
let base: string;
beforeAll(() => {
  base = suite.portals.base;
});

/** Fetch with an explicit Host header (fetch forbids setting it, so use http.request). */
function get(pathname: string, host?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base);
    const req = http.request(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('portal home', () => {
  it('renders a subsidiary portal by path with its Chinese organisation tree', async () => {
    const res = await get('/p/huayou-caiyou1/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<title>第一采油厂党建网</title>');
    const body = text(res.body);
    expect(body).toContain('第一采油厂党委（党委）及所属 14 个党组织');
    // Nested in tree order: the mine, its team, the team's Party groups.
    expect(body).toMatch(/采油一矿党总支 党总支 采油一队党支部 党支部 第一党小组 党小组 第二党小组 党小组 采油二队党支部/);
    // Nothing from another subtree or enterprise.
    expect(body).not.toContain('炼化分公司党委');
    expect(body).not.toContain('江川供电');
    expect(res.headers['cache-control']).toMatch(/public/);
  });

  it('shows the subtree’s public work updates and open notices, never internal or unpublished items', async () => {
    const body = text((await get('/p/huayou-caiyou1/')).body);
    expect(body).toContain('第一采油厂开展“党员先锋岗”评比活动');
    expect(body).toContain('采油一队党支部开展主题党日活动'); // a branch below the plant
    expect(body).toContain('关于拟发展李明同志为中共预备党员的公示');
    expect(body).toMatch(/公示剩余 3 天/);
    expect(body).not.toContain('第四季度党费收缴情况通报'); // ORGANIZATION visibility
    expect(body).not.toContain('述职评议会'); // still in review
    expect(body).not.toContain('集团党委召开'); // above this portal's organisation
    const group = text((await get('/p/huayou/')).body);
    expect(group).toMatch(/置顶 集团党委召开2026年度党建工作会议/);
    // The tree lists siblings in their sort order (集团机关党委 first), not in id order.
    expect(group.indexOf('集团机关党委')).toBeLessThan(group.indexOf('勘探开发研究院党委'));
    expect(group.indexOf('勘探开发研究院党委')).toBeLessThan(group.indexOf('第一采油厂党委 党委'));
  });

  it('chooses the portal by Host header', async () => {
    const res = await get('/', 'jcpower.localhost:4321');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>江川供电党建</title>');
    expect(text(res.body)).toContain('配电运检班党支部 党支部 抢修党小组');
  });

  it('answers unknown hosts and slugs with a 404 page in Chinese', async () => {
    for (const res of [await get('/', 'unknown.example'), await get('/p/no-such-portal/'), await get('/no/such/page')]) {
      expect(res.status).toBe(404);
      expect(res.body).toContain('<html lang="zh-CN">');
      expect(text(res.body)).toMatch(/未找到该门户|页面不存在/);
    }
  });

  it('answers 503 with a readable page when the API is unreachable', async () => {
    const saved = process.env.PORTALS_API_URL;
    process.env.PORTALS_API_URL = 'http://127.0.0.1:9/graphql';
    try {
      const res = await get('/p/huayou/');
      expect(res.status).toBe(503);
      expect(text(res.body)).toContain('服务暂时不可用');
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      process.env.PORTALS_API_URL = saved;
    }
  });
});

describe('calls to the API', () => {
  it('sends trusted documents only, charged to the visitor’s address', async () => {
    const before = api.logs.length;
    const res = await fetch(`${base}/p/huayou/`);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    const calls = api.logs.slice(before).filter((l) => l.msg === 'request' && l.path === '/graphql');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.trustedDocument).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(call.status).toBe(200);
    }
    // Each visitor has a budget of their own (the address comes forwarded by the portal).
    expect((await db.query<{ key: string }>(`select key from rate_budget`)).map((b) => b.key)).toContain('ip:127.0.0.1@60s');
  });
});

describe('portal pages', () => {
  const PLANT = '/p/huayou-caiyou1';

  it('lists news with paging, links to articles, and renders an article with its title and Open Graph tags', async () => {
    const list = await get(`${PLANT}/news/`);
    expect(list.status).toBe(200);
    expect(list.body).toContain('<title>工作动态 - 第一采油厂党建网</title>');
    const link = list.body.match(/href="(\/p\/huayou-caiyou1\/news\/[A-Za-z0-9_-]+)">第一采油厂开展“党员先锋岗”评比活动/);
    expect(link, 'the article is linked from the list').not.toBeNull();
    expect(text(list.body)).not.toContain('第四季度党费收缴情况通报');
    const article = await get(link![1]!);
    expect(article.status).toBe(200);
    expect(article.body).toContain('<title>第一采油厂开展“党员先锋岗”评比活动 - 第一采油厂党建网</title>');
    expect(article.body).toContain('<meta property="og:type" content="article">');
    expect(article.body).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/p\/huayou-caiyou1\/news\//);
    expect(text(article.body)).toContain('经各党支部推荐、厂党委审核，共评选出二十名“党员先锋岗”');
    expect(article.body).toContain('aria-current="page"'); // the navigation marks 工作动态
    // An internal article is not found, as are forged ids and cursors.
    const [internal] = await db.query<{ id: string }>(`select id from content where kind = 'NEWS' and visibility <> 'PUBLIC' and status = 'PUBLISHED' limit 1`);
    expect((await get(`${PLANT}/news/${Buffer.from(`NewsArticle:${internal!.id}`).toString('base64url')}`)).status).toBe(404);
    expect((await get(`${PLANT}/news/not-an-id`)).status).toBe(404);
    expect((await get(`${PLANT}/news/?after=forged`)).status).toBe(404);
  });

  it('shows the disclosures board with the open notice’s countdown, and takes a visitor’s feedback', async () => {
    const board = await get(`${PLANT}/disclosures/`);
    expect(board.status).toBe(200);
    expect(text(board.body)).toMatch(/公示中 关于拟发展李明同志为中共预备党员的公示 .* 公示剩余 3 天/);
    const link = board.body.match(/href="(\/p\/huayou-caiyou1\/disclosures\/[A-Za-z0-9_-]+)">关于拟发展李明同志/)![1]!;
    const page = await get(link);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<form method="post"');
    const post = (body: string) =>
      new Promise<{ status: number; location?: string }>((resolve, reject) => {
        const req = http.request(new URL(link, base), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from disclosure_feedback`))[0]!.n;
    const sent = await post(new URLSearchParams({ body: '同意公示，李明同志在生产一线表现突出。', authorName: '王师傅', contact: '' }).toString());
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/\?sent=1#feedback$/);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from disclosure_feedback`))[0]!.n).toBe(before + 1);
    expect(text((await get(`${link}?sent=1`)).body)).toContain('已收到您的意见');
    const empty = await post('body=');
    expect(empty.status).toBe(200);
  });

  it('renders cases (featured first), resources and search results with highlights', async () => {
    // Featured by the plant: first on the plant's portal.
    const cases = text((await get(`${PLANT}/cases/`)).body);
    expect(cases).toMatch(/优秀案例 优秀 “党员责任区”让每口油井都有人管/);
    expect(text((await get('/p/huayou/cases/')).body)).not.toContain('优秀案例');
    expect(cases).not.toContain('倒班员工也能学'); // PARTNERS: not for visitors
    const resources = await get('/p/huayou/resources/');
    expect(text(resources.body)).toContain('微党课 微党课：一口井的坚守');
    expect(text(resources.body)).not.toContain('石油精神教育基地'); // PARTNERS
    const search = await get(`/p/huayou/search/?q=${encodeURIComponent('党员先锋岗')}`);
    expect(search.body).toContain('<mark>党员先锋岗</mark>');
    expect(text(search.body)).toMatch(/找到 \d+ 条结果/);
  });
});

describe('feeds', () => {
  it('serves RSS of the public news and a sitemap, per portal', async () => {
    const rss = await get('/p/huayou-caiyou1/rss.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
    expect(rss.body).toContain('<title>第一采油厂开展“党员先锋岗”评比活动</title>');
    expect(rss.body).not.toContain('集团党委召开'); // above this portal
    const byHost = await get('/rss.xml', 'jcpower.localhost:4321');
    expect(byHost.body).toContain('<title>江川供电党建 · 工作动态</title>');
    const map = await get('/p/huayou-caiyou1/sitemap.xml');
    expect(map.status).toBe(200);
    expect(map.body).toMatch(/<loc>http:\/\/[^<]+\/p\/huayou-caiyou1\/news\/[A-Za-z0-9_-]+<\/loc>/);
    expect((await get('/p/nope/rss.xml')).status).toBe(404);
  });
});

describe('everything a page needs comes from the handler', () => {
  it('inlines styles and serves the icon and robots.txt', async () => {
    const home = await get('/p/huayou/');
    expect(home.body).toMatch(/<style>[^<]*\.masthead/);
    expect(home.body).not.toMatch(/<link rel="stylesheet"/);
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect((await get('/robots.txt')).body).toContain('Sitemap: ');
  });
});

describe('organisation pages', () => {
  it('link from the tree, show the path, the units below and their news; nothing outside the portal', async () => {
    const home = await get('/p/huayou-caiyou1/');
    const link = home.body.match(/href="(\/p\/huayou-caiyou1\/org\/[A-Za-z0-9_-]+)"[^>]*>采油一矿党总支/)![1]!;
    const page = await get(link);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>采油一矿党总支 - 第一采油厂党建网</title>');
    const body = text(page.body);
    expect(body).toMatch(/第一采油厂党委 › 采油一矿党总支/);
    expect(body).toContain('下属组织（3）');
    expect(body).toContain('采油一队党支部开展主题党日活动');
    // The refinery is another subtree: no page for it on the plant's portal.
    const refinery = (await db.query<{ id: number }>(`select id from organization where name = '炼化分公司党委'`))[0]!.id;
    expect((await get(`/p/huayou-caiyou1/org/${Buffer.from(`Organization:${refinery}`).toString('base64url')}`)).status).toBe(404);
  });
});

describe('revalidation', () => {
  it('answers 304 while a page is unchanged (and renders it once), and the new page once something is published', async () => {
    const first = await get('/p/huayou-caiyou1/news/');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    const again = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/p/huayou-caiyou1/news/', base), { headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(again).toBe(304);
    // Nothing changed: the page is served again without rendering, byte for byte.
    const memoised = await get('/p/huayou-caiyou1/news/');
    expect(memoised.headers['x-render']).toBe('memo');
    expect(memoised.body).toBe(first.body);
    // Publish something in the plant's subtree: the same validator no longer matches.
    await db.query(`update content set published_at = now(), title = '新发布的工作动态' where id = (select id from content where kind = 'NEWS' and visibility = 'PUBLIC' and organization_id in (select id from organization where path like (select path from organization where name = '第一采油厂党委') || '%') order by published_at limit 1)`);
    const changed = await get('/p/huayou-caiyou1/news/');
    expect(changed.headers['x-render']).toBeUndefined();
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body).toContain('新发布的工作动态');
  });
});

describe('home sections from the theme', () => {
  it('shows the sections the theme lists, in its order, fetching the optional ones only then', async () => {
    await db.query(`update portal set theme = '{"homeSections": ["CASES", "RESOURCES", "DISCLOSURES", "NEWS"]}' where slug = 'huayou'`);
    const body = text((await get('/p/huayou/')).body);
    const at = (heading: string) => body.indexOf(` ${heading} `);
    expect(at('经验交流 “党员责任区”让每口油井都有人管')).toBeGreaterThan(0);
    expect(at('共建共享 微党课：一口井的坚守')).toBeGreaterThan(at('经验交流 “党员责任区”'));
    expect(body).toMatch(/党务公开 关于拟发展李明同志为中共预备党员的公示/);
    expect(body.indexOf('更多工作动态')).toBeGreaterThan(body.indexOf('更多党务公开'));
    expect(body).not.toContain('组织架构'); // not listed
    await db.query(`update portal set theme = '{}' where slug = 'huayou'`);
  });
});
