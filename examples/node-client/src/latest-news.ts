/**
 * Signs in with an API key and prints the latest news of a portal:
 *
 *   DANGJIAN_API_URL=http://127.0.0.1:4000/graphql DANGJIAN_API_KEY=dj_… node src/latest-news.ts huayou
 */
import { apiClient } from './client.ts';
import { LatestNewsDocument, PortalBySlugDocument, WhoamiDocument } from './generated/graphql.ts';

const url = process.env.DANGJIAN_API_URL ?? 'http://127.0.0.1:4000/graphql';
const key = process.env.DANGJIAN_API_KEY;
const slug = process.argv[2] ?? 'huayou';
if (!key) {
  console.error('Set DANGJIAN_API_KEY (an enterprise’s top-level admin creates one in the workspace: 接口密钥).');
  process.exit(2);
}

const request = apiClient(url, key);
const { viewer } = await request(WhoamiDocument, {});
const { portal } = await request(PortalBySlugDocument, { slug });
if (!portal) {
  console.error(`No portal “${slug}” that this key may read.`);
  process.exit(1);
}
const { news } = await request(LatestNewsDocument, { organizationId: portal.organization.id, first: 5 });
console.log(`${portal.title}（${viewer.kind}）：${news.totalCount} 条动态，最新 ${news.nodes.length} 条`);
for (const item of news.nodes) console.log(`${item.publishedAt?.slice(0, 10) ?? '—'}  ${item.title}  · ${item.organization?.name ?? ""}`);
