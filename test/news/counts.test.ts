/**
 * Totals of content lists and searches stop at 10,000 (issue #19: a count past that is a scan that
 * grows with the data) and say so; below the cap they are exact, and only what the caller may read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tokens, TOKENIZER_VERSION } from '../../api/src/modules/content/search-tokens.js';
import { useSuite } from '../support/fixture.js';
import { gid, orgId } from '../support/identity.js';

const suite = useSuite({ actors: ['member'] });
const { db } = suite;
const { anonymous, member } = suite.as;
let plant: number;
let branch: number;

const LIST = `query($org: ID!) { news(first: 3, filter: { organizationId: $org }) { totalCount totalCountCapped nodes { id } } }`;
const SEARCH = `query($q: String!) { newsSearch(query: $q, first: 3) { totalCount totalCountCapped } search(query: $q, first: 3) { totalCount totalCountCapped } }`;

beforeAll(async () => {
  plant = await orgId(db, '第一采油厂党委');
  branch = await orgId(db, '采油一队党支部');
  // 10,050 public and 30 internal articles of the plant itself (not of its branches), searchable as 井场巡检.
  const vector = tokens('井场巡检记录').join(' ');
  await db.query(
    `insert into content (kind, enterprise_id, organization_id, title, summary, body_html, body_text, tags, status, visibility, published_at, publish_notified_at, search_vector, search_version)
     select 'NEWS', o.enterprise_id, o.id, '井场巡检记录（第' || g || '期）', '', '<p>井场巡检记录</p>', '井场巡检记录', '{}', 'PUBLISHED',
            case when g <= 10050 then 'PUBLIC' else 'ENTERPRISE' end, now() - g * interval '1 minute', now(), to_tsvector('simple', $2), $3
     from generate_series(1, 10080) g, organization o where o.id = $1`,
    [plant, vector, TOKENIZER_VERSION],
  );
});

describe('totals', () => {
  it('stop at 10,000 and say so, for a visitor and a member alike', async () => {
    for (const gql of [anonymous, member]) {
      const res = await gql(LIST, { org: gid('Organization', plant) });
      expect(res.errors).toBeUndefined();
      expect(res.data!.news).toMatchObject({ totalCount: 10_000, totalCountCapped: true });
      expect(res.data!.news.nodes).toHaveLength(3);
    }
  });

  it('are exact below the cap, counting only what the caller may read', async () => {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from content c join organization o on o.id = c.organization_id where c.kind = 'NEWS' and c.status = 'PUBLISHED' and c.published_at <= now() and c.visibility = 'PUBLIC' and o.path like (select path from organization where id = $1) || '%'`, [branch]);
    const res = await anonymous(LIST, { org: gid('Organization', branch) });
    expect(res.data!.news).toMatchObject({ totalCount: row!.n, totalCountCapped: false });
  });

  it('of searches stop at 10,000 too', async () => {
    const res = await anonymous(SEARCH, { q: '井场巡检' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.newsSearch).toEqual({ totalCount: 10_000, totalCountCapped: true });
    expect(res.data!.search).toEqual({ totalCount: 10_000, totalCountCapped: true });
    const few = await anonymous(SEARCH, { q: '采油一队' });
    expect(few.data!.newsSearch.totalCountCapped).toBe(false);
    expect(few.data!.newsSearch.totalCount).toBeLessThan(10_000);
  });
});
