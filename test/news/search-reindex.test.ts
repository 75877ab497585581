/**
 * Chinese search after a tokeniser fix: "2026年度党建工作要点" is found by 年度 and 党建 (a year no
 * longer swallows the Chinese after it), and rows indexed by the older tokeniser are indexed again
 * when the API starts.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { reindexOutdated } from '../../api/src/modules/content/search-reindex.js';
import { useSuite } from '../support/fixture.js';

const { db, api, as } = useSuite({ actors: ['member'] });
const TITLE = '第一采油厂党委2026年度党建工作要点';
const SEARCH = `query($q: String!) { search(query: $q, first: 10) { totalCount edges { node { ... on Disclosure { title } } } } }`;
const found = async (q: string) => ((await as.member(SEARCH, { q })).data!.search.edges as { node: { title?: string } }[]).some((e) => e.node.title === TITLE);

describe('search across a year and Chinese', () => {
  it('finds the item by the words after the year', async () => {
    for (const q of ['年度', '党建工作要点', '2026']) expect(await found(q), q).toBe(true);
  });

  it('indexes again what an older tokeniser indexed', async () => {
    // As the old tokeniser left it: one token for "2026年度党建工作要点".
    await db.query(`update content set search_vector = to_tsvector('simple', '第一 一采 采油 油厂 厂党 党委 2026年度党建工作要点'), search_version = 1 where title = $1`, [TITLE]);
    expect(await found('年度')).toBe(false);
    expect(await reindexOutdated(api.orm, pino({ level: 'silent' }))).toBe(1);
    expect(await found('年度')).toBe(true);
    expect((await db.query<{ v: number }>(`select search_version as v from content where title = $1`, [TITLE]))[0]!.v).toBe(2);
  });
});
