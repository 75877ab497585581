/**
 * The hot reads run compiled (api/src/core/db/compiled-query.ts): the portal's pages, an article,
 * and a signed-in member's list — whose audience rules carry raw `exists (… in (?))` fragments —
 * are built once per shape and replayed, never built on every request because the ORM did
 * something with a value. A shape that falls back still answers right, only slowly: this is the
 * test that notices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { shapesBuiltEveryTime } from '../../api/src/core/db/compiled-query.js';
import { useSuite } from '../support/fixture.js';
import { gid } from '../support/identity.js';

const operation = (name: string) => fs.readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');

describe('compiled reads', () => {
  const { db, as } = useSuite({ actors: ['member', 'plantAdmin'] });

  it('replays the portal, article and member-list reads for anonymous and signed-in callers', async () => {
    const orgs = await db.query<{ id: number }>(`select id from organization where name in ('华油能源集团有限公司党委', '第一采油厂党委', '采油一队党支部') order by id`);
    const article = await db.query<{ id: string }>(`select id from content where kind = 'NEWS' and visibility = 'PUBLIC' and status = 'PUBLISHED' limit 1`);
    for (const caller of [as.anonymous, as.member, as.plantAdmin]) {
      // Twice over every organisation: a new value of the same shape, and a repeat.
      for (const round of [1, 2]) {
        for (const org of orgs) {
          const organizationId = gid('Organization', org.id);
          const feed = await caller(operation('PortalFeed'), { organizationId });
          const list = await caller(operation('NewsList'), { organizationId });
          expect(feed.errors, `round ${round}`).toBeUndefined();
          expect(list.errors).toBeUndefined();
          expect(list.data!.news.nodes.length).toBeGreaterThan(0);
        }
        const read = await caller(operation('NewsArticle'), { id: gid('NewsArticle', article[0]!.id) });
        expect(read.data!.newsArticle.title).toBeTruthy();
      }
    }
    expect(shapesBuiltEveryTime()).toEqual([]);
  });
});
