/**
 * The raw-SQL floor: a minimal HTTP server answering the benchmark's four requests with
 * hand-written SQL on the same database, the same authorisation rules and the same JSON shapes,
 * but no GraphQL, ORM, DataLoader or CASL. `pnpm bench` reports the API's figures next to it.
 * Every answer carries `x-sql-statements`.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { searchQuery } from '../modules/content/search-tokens.js';
import { snippet } from '../modules/content/snippet.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
const localId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
const PUBLISHED = `c.status = 'PUBLISHED' and c.published_at <= now()`;
/** Content totals stop here, as the API's do (CONTENT_COUNT_CAP). */
const CAP = 10_000;

type Answer = { data: unknown; statements: number };

/** The subtree prefix as a literal, so the planner can use the path index. */
async function subtreeOf(orgId: number): Promise<string> {
  const { rows } = await pool.query('select path from organization where id = $1', [orgId]);
  return `${rows[0]?.path ?? '/none/'}%`;
}

async function portalFeed(orgId: number): Promise<Answer> {
  const prefix = await subtreeOf(orgId);
  const subtree = `o.path like $1`;
  const [news, notices, featured] = await Promise.all([
    pool.query(
      `select c.id, c.title, c.summary, c.published_at, c.pinned_at, o.name from content c join organization o on o.id = c.organization_id
       where c.kind = 'NEWS' and ${PUBLISHED} and c.visibility = 'PUBLIC' and ${subtree} order by c.published_at desc, c.id desc limit 9`,
      [prefix],
    ),
    pool.query(
      `select c.id, c.title, o.name, d.notice_ends_at from content c join disclosure d on d.content_id = c.id join organization o on o.id = c.organization_id
       where c.kind = 'DISCLOSURE' and ${PUBLISHED} and c.visibility = 'PUBLIC' and ${subtree} and d.notice_starts_at <= now() and d.notice_ends_at > now()
       order by c.published_at desc, c.id desc limit 6`,
      [prefix],
    ),
    pool.query(
      `select c.id, c.title, o.name from content c join content_recommendation r on r.content_id = c.id join organization o on o.id = c.organization_id
       where r.to_organization_id = $1 and r.status = 'ACCEPTED' and c.kind = 'NEWS' and ${PUBLISHED} and c.visibility = 'PUBLIC'
       order by c.published_at desc, c.id desc limit 6`,
      [orgId],
    ),
  ]);
  const item = (r: any, type = 'NewsArticle') => ({ id: Buffer.from(`${type}:${r.id}`).toString('base64url'), title: r.title, organization: { name: r.name } });
  return {
    statements: 4,
    data: {
      news: { nodes: news.rows.slice(0, 8).map((r) => ({ ...item(r), summary: r.summary, publishedAt: r.published_at, pinnedAt: r.pinned_at })) },
      notices: { nodes: notices.rows.slice(0, 5).map((r) => ({ ...item(r, 'Disclosure'), notice: { endsAt: r.notice_ends_at, remainingSeconds: Math.max(0, Math.floor((r.notice_ends_at - Date.now()) / 1000)) } })) },
      featured: { nodes: featured.rows.slice(0, 5).map((r) => item(r)) },
    },
  };
}

async function article(id: number): Promise<Answer> {
  const { rows } = await pool.query(
    `select c.id, c.title, c.summary, c.body_html, c.published_at, u.display_name, o.name, p.name as parent_name
     from content c join organization o on o.id = c.organization_id left join organization p on p.id = o.parent_id left join app_user u on u.id = c.author_id
     where c.id = $1 and c.kind = 'NEWS' and ${PUBLISHED} and c.visibility = 'PUBLIC'`,
    [id],
  );
  const r = rows[0];
  return {
    statements: 1,
    data: {
      newsArticle: r
        ? { id: Buffer.from(`NewsArticle:${r.id}`).toString('base64url'), title: r.title, summary: r.summary, bodyHtml: r.body_html, publishedAt: r.published_at, authorName: r.display_name, organization: { name: r.name, parent: r.parent_name ? { name: r.parent_name } : null } }
        : null,
    },
  };
}

async function memberNews(authorization: string | undefined, orgId: number): Promise<Answer> {
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  const grants = await pool.query(
    `select o.id, o.path, o.enterprise_id from session s join membership m on m.user_id = s.user_id join organization o on o.id = m.organization_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const enterprises = [...new Set(grants.rows.map((g) => g.enterprise_id))];
  const own = grants.rows.map((g) => g.id);
  const pathIds = [...new Set(grants.rows.flatMap((g: { path: string }) => g.path.split('/').filter(Boolean).map(Number)))];
  const where = `c.kind = 'NEWS' and ${PUBLISHED} and o.path like $1 and (
      c.visibility in ('PUBLIC', 'PLATFORM')
      or (c.visibility in ('ENTERPRISE', 'PARTNERS') and c.enterprise_id = any($2))
      or (c.visibility = 'PARTNERS' and exists (select 1 from partner_link l where l.enterprise_id = c.enterprise_id and l.partner_id = any($2)))
      or (c.visibility = 'ORGANIZATION' and c.organization_id = any($3))
      or (c.visibility = 'OWN_ORGANIZATION' and c.organization_id = any($4)))`;
  const params = [await subtreeOf(orgId), enterprises, pathIds, own];
  const [list, count] = await Promise.all([
    pool.query(`select c.id, c.title, c.summary, c.published_at, c.visibility, o.name from content c join organization o on o.id = c.organization_id where ${where} order by c.published_at desc, c.id desc limit 21`, params),
    pool.query(`select count(*)::int as n from (select 1 from content c join organization o on o.id = c.organization_id where ${where} limit ${CAP}) t`, params),
  ]);
  return {
    statements: 4,
    data: {
      news: {
        totalCount: count.rows[0].n,
        totalCountCapped: count.rows[0].n >= CAP,
        pageInfo: { hasNextPage: list.rows.length > 20, endCursor: list.rows[19] ? Buffer.from(JSON.stringify(["v1", list.rows[19].published_at, String(list.rows[19].id)])).toString('base64url') : null },
        nodes: list.rows.slice(0, 20).map((r) => ({ id: Buffer.from(`NewsArticle:${r.id}`).toString('base64url'), title: r.title, summary: r.summary, publishedAt: r.published_at, visibility: r.visibility, organization: { name: r.name } })),
      },
    },
  };
}

/** A search's cursor: its position in the ranking, as the API writes it. */
const cursorAt = (i: number) => Buffer.from(JSON.stringify(['v1', i])).toString('base64url');

async function search(query: string): Promise<Answer> {
  const tsquery = searchQuery(query);
  if (!tsquery) return { statements: 0, data: { newsSearch: { totalCount: 0, totalCountCapped: false, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } };
  const where = `c.kind = 'NEWS' and ${PUBLISHED} and c.visibility = 'PUBLIC' and c.search_vector @@ to_tsquery('simple', $1)`;
  const [rows, count] = await Promise.all([
    pool.query(`select c.id, c.title, c.summary, c.body_text from content c where ${where} order by ts_rank_cd(c.search_vector, to_tsquery('simple', $1)) desc, c.id desc limit 11`, [tsquery]),
    pool.query(`select count(*)::int as n from (select 1 from content c where ${where} limit ${CAP}) t`, [tsquery]),
  ]);
  return {
    statements: 2,
    data: {
      newsSearch: {
        totalCount: count.rows[0].n,
        totalCountCapped: count.rows[0].n >= CAP,
        pageInfo: { hasNextPage: rows.rows.length > 10, endCursor: rows.rows.length ? cursorAt(Math.min(rows.rows.length, 10) - 1) : null },
        edges: rows.rows.slice(0, 10).map((r, i) => ({ cursor: cursorAt(i), snippet: snippet([r.title, r.summary, r.body_text].join('\n'), query), node: { id: Buffer.from(`NewsArticle:${r.id}`).toString('base64url'), title: r.title } })),
      },
    },
  };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName: string; variables: Record<string, string> };
      const v = body.variables;
      const answer =
        body.operationName === 'PortalFeed'
          ? await portalFeed(localId(v.organizationId!))
          : body.operationName === 'NewsArticle'
            ? await article(localId(v.id!))
            : body.operationName === 'NewsList'
              ? await memberNews(req.headers.authorization, localId(v.organizationId!))
              : await search(v.query!);
      res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(answer.statements) });
      res.end(JSON.stringify({ data: answer.data }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ msg: 'floor listening', port: Number(process.env.PORT) })));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
