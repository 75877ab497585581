/**
 * Abuse: what the open internet sends, answered with clean typed errors — never a 500, never an
 * internal error — and the server healthy afterwards. Malformed bodies, invalid UTF-8, huge
 * strings and lists, injection strings in every text input, forged cursors and ids, other
 * tenants' ids, and a bounded, seeded fuzz run of mutated operations.
 * (Depth, aliases, fragment bombs, cyclic fragments and token floods: core/limits.test.ts.)
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { gid, orgId } from '../support/identity.js';

const internalErrors: string[] = [];

const { db, api, as } = useSuite({ actors: ['branchEditor', 'member', 'powerAdmin'] });
const { branchEditor: editor, member, powerAdmin } = as;

/**
 * Runs one operation over a WebSocket; records an INTERNAL_SERVER_ERROR in its answer, and (through
 * `watch`) any socket the server closes as its own fault (1011, 4500) — the WebSocket's 5xx.
 */
async function sendOverSocket(client: Client, payload: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  const result = await new Promise<{ data?: any; errors?: any[] }>((resolve) => {
    const timer = setTimeout(() => resolve({ errors: [{ extensions: { code: 'NO_ANSWER' } }] }), 10_000);
    let stop: () => void = () => {};
    const done = (value: { data?: any; errors?: any[] }): void => (clearTimeout(timer), stop(), resolve(value));
    stop = client.subscribe(payload as { query: string }, {
      next: (value) => done(value as { data?: any; errors?: any[] }),
      error: (error) => done({ errors: Array.isArray(error) ? error : [{ extensions: { code: 'CLOSED' } }] }),
      complete: () => done({}),
    });
  });
  if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'NO_ANSWER')) {
    internalErrors.push(`WebSocket ${JSON.stringify(payload).slice(0, 200)}: ${JSON.stringify(result.errors).slice(0, 300)}`);
  }
  return result;
}
function socketClient(): Client {
  const client = createClient({ url: api.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  client.on('closed', (event) => {
    const closeCode = (event as { code?: number }).code;
    if (closeCode === 1011 || closeCode === 4500) internalErrors.push(`WebSocket closed by the server with ${closeCode}`);
  });
  return client;
}

/** Posts a raw body; records any 5xx or INTERNAL_SERVER_ERROR. */
async function send(body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    internalErrors.push(`not JSON (${res.status}): ${text.slice(0, 100)}`);
  }
  if (res.status >= 500 || json?.errors?.some((e: any) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    internalErrors.push(`${res.status} for ${typeof body === 'string' ? body.slice(0, 200) : '<bytes>'}: ${text.slice(0, 300)}`);
  }
  return { status: res.status, json };
}

const code = (r: { json: any }) => r.json?.errors?.[0]?.extensions?.code;

const INJECTIONS = [
  "'; drop table content; --",
  '" or 1=1 --',
  "1'); delete from app_user where ('1'='1",
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}',
  '\\u0000\\x00%00',
  '../../../../etc/passwd',
  '党建\u202e工作', // right-to-left override
  '𠀀𪚥😀'.repeat(10), // astral characters
];

describe('malformed requests', () => {
  it('answers broken JSON, invalid UTF-8, wrong shapes and wrong methods with 4xx', async () => {
    expect((await send('{"query": ')).status).toBe(400);
    expect((await send('[]')).status).toBe(400);
    expect((await send('{"query": 42}')).status).toBe(400);
    expect((await send('{"query": "{ viewer { kind } }", "variables": "nope"}')).status).toBe(400);
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
    expect((await send(invalidUtf8)).status).toBeLessThan(500);
    expect((await send(JSON.stringify({ query: '{ viewer { kind } }' }), { 'content-type': 'text/plain' })).status).toBeLessThan(500);
    const get = await fetch(`${api.url}?query=${encodeURIComponent('mutation { signOut { userErrors { code } } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBeLessThan(500);
    expect(code(await send(JSON.stringify({ query: '{ viewer { kind } ' })))).toBe('GRAPHQL_PARSE_FAILED');
    expect(code(await send(JSON.stringify({ query: 'query A { viewer { kind } } query B { viewer { kind } }' })))).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it('refuses huge strings and lists with typed errors', async () => {
    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const huge = await editor(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { userErrors { code field } } }`, { i: { organizationId: branch, title: '长'.repeat(100_000) } });
    expect(huge.data!.newsCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'title'] });
    const tags = await editor(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { userErrors { code field } } }`, { i: { organizationId: branch, title: '标签', tags: Array.from({ length: 5000 }, (_, i) => `标签${i}`) } });
    expect(tags.data!.newsCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'tags'] });
    const body = await send(JSON.stringify({ query: '{ viewer { kind } }', variables: { x: 'x'.repeat(2_000_000) } }));
    expect(body.status).toBe(413);
    const search = await member(`query($q: String!) { search(query: $q, first: 5) { totalCount } }`, { q: '党'.repeat(10_000) });
    expect(search.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('injection strings in every text input', () => {
  it('stores them as text or refuses them; the database is intact and nothing runs as code', async () => {
    const before = await db.query<{ n: number }>(`select (select count(*) from app_user)::int + (select count(*) from organization)::int as n`);
    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const caseId = gid('ExperienceCase', (await db.query<{ id: string }>(`select id from content where kind = 'CASE' and visibility = 'PUBLIC' limit 1`))[0]!.id);
    const disclosureId = gid('Disclosure', (await db.query<{ id: string }>(`select c.id from content c join disclosure d on d.content_id = c.id where d.notice_ends_at > now() and c.visibility = 'PUBLIC' limit 1`))[0]!.id);
    for (const evil of INJECTIONS) {
      const created = await editor(
        `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id title summary bodyHtml tags } userErrors { code } } }`,
        { i: { organizationId: branch, title: `标题${evil}`, summary: evil, bodyHtml: `<p>${evil}</p>`, tags: [evil.slice(0, 20)] } },
      );
      expect(created.errors, evil).toBeUndefined();
      const article = created.data!.newsCreate.newsArticle;
      if (article) {
        // Text stays text; only markup that would run is gone.
        expect(article.bodyHtml).not.toMatch(/<script|onerror=|href="javascript:/i);
      } else {
        expect(created.data!.newsCreate.userErrors[0].code).toBe('BAD_USER_INPUT');
      }
      for (const [query, variables] of [
        [`query($q: String!) { search(query: $q, first: 5) { totalCount } }`, { q: evil }],
        [`query($s: String!) { enterprise(slug: $s) { name } }`, { s: evil }],
        [`query($h: String!) { portalByHost(host: $h) { title } }`, { h: evil }],
        [`mutation($id: ID!, $b: String!) { caseComment(id: $id, body: $b) { userErrors { code } } }`, { id: caseId, b: evil }],
        [`mutation($id: ID!, $i: DisclosureFeedbackInput!) { disclosureFeedbackCreate(id: $id, input: $i) { userErrors { code } } }`, { id: disclosureId, i: { body: evil, authorName: evil.slice(0, 20), contact: evil.slice(0, 50) } }],
        [`mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }`, { i: { login: evil, password: evil } }],
      ] as const) {
        const res = await member(query, variables as Record<string, unknown>);
        expect(res.status, `${query} ${evil}`).toBeLessThan(500);
        expect(res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'), `${query} ${evil}`).toBeFalsy();
      }
    }
    const after = await db.query<{ n: number }>(`select (select count(*) from app_user)::int + (select count(*) from organization)::int as n`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const stored = await db.query<{ title: string }>(`select title from content where title like '标题%drop table%'`);
    expect(stored[0]?.title).toBe(`标题${INJECTIONS[0]}`);
  });
});

describe('forged ids and cursors', () => {
  it('refuses forged cursors and ids of other types; other tenants’ rows are out of reach', async () => {
    for (const after of ['', 'x', 'bm9wZQ', Buffer.from('["9999-99-99","1"]').toString('base64url'), Buffer.from('[1,2,3,4,5]').toString('base64url'), '%%%']) {
      const res = await member(`query($a: String) { news(first: 5, after: $a) { totalCount } }`, { a: after });
      expect(res.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
    }
    const orgGid = gid('Organization', await orgId(db, '采油一队党支部'));
    const wrongType = await member(`query($id: ID!) { newsArticle(id: $id) { id } }`, { id: orgGid });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const id of ['', 'not-base64!', gid('Nope', 1), gid('NewsArticle', 'abc'), gid('NewsArticle', '99999999999999999999')]) {
      const res = await member(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.status, id).toBeLessThan(500);
      expect(res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'), id).toBeFalsy();
    }
    // Another enterprise's organisation (public, so visible): its admin may not act on it.
    const rename = await powerAdmin(`mutation($id: ID!) { organizationUpdate(id: $id, input: { name: "改名" }) { userErrors { code } } }`, { id: orgGid });
    expect(rename.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another enterprise's unpublished draft: NOT_FOUND, its existence not revealed.
    const draft = (await db.query<{ id: string }>(`select id from content where status = 'IN_REVIEW' and kind = 'NEWS' limit 1`))[0]!.id;
    const approve = await powerAdmin(`mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id: gid('NewsArticle', draft) });
    expect(approve.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzz', () => {
  it('finds no internal error in 3000 mutated operations', async () => {
    const random = prng(20261121);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const SEEDS = [
      `{ news(first: 5) { totalCount nodes { id title organization { name } } } }`,
      `query($q: String!) { search(query: $q, first: 5) { edges { snippet } } }`,
      `{ experienceCases(first: 3, orderBy: MOST_LIKED) { nodes { id likeCount comments(first: 2) { totalCount } } } }`,
      `{ sharedResources(first: 3) { nodes { id access usableByMe attachments { fileName } } } }`,
      `{ disclosures(first: 3) { nodes { id notice { remainingSeconds } } } }`,
      `{ portal(slug: "huayou") { title organization { descendants(first: 10) { nodes { name } } } } }`,
      `{ enterprise(slug: "huayou") { partners { slug } portals { title } } }`,
      `mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }`,
      `query($id: ID!) { node(id: $id) { id ... on NewsArticle { title } } }`,
      `{ viewer { kind } }`,
    ];
    const TOKENS = ['{', '}', '(', ')', ':', '$', '!', '...', '@skip(if: true)', 'first', '-1', '101', '1e9', 'null', '"党建"', '__typename', 'on', 'fragment', '#', '\u0000', '"\\u0000"', '[', ']', 'id'];
    const VALUES = [null, 0, -1, 1e300, 'x', '', '党建', '𠀀', 'NaN', [], [1, 2], {}, { first: 1 }, true, 'A'.repeat(500), gid('NewsArticle', 1), gid('Organization', -5)];
    const mutate = (text: string): string => {
      const chars = [...text];
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * chars.length);
        const op = random();
        if (op < 0.3) chars.splice(at, 1 + Math.floor(random() * 5));
        else if (op < 0.7) chars.splice(at, 0, ` ${pick(TOKENS)} `);
        else chars.splice(at, 0, pick(['(first: 0)', '(first: 100)', '(after: "x")', '{ id }', '(query: "")']));
      }
      return chars.join('');
    };
    const N = 3000;
    let valid = 0;
    for (let batch = 0; batch < N; batch += 20) {
      await Promise.all(
        Array.from({ length: 20 }, () => {
          const query = random() < 0.2 ? pick(SEEDS) : mutate(pick(SEEDS));
          const variables = random() < 0.5 ? { q: pick(VALUES), id: pick(VALUES), i: random() < 0.5 ? { login: pick(VALUES), password: pick(VALUES) } : pick(VALUES) } : pick(VALUES);
          return send(JSON.stringify({ query, variables })).then((r) => {
            if (r.status === 200 && !r.json?.errors) valid++;
          });
        }),
      );
    }
    expect(internalErrors).toEqual([]);
    // The run exercised execution, not only the parser.
    expect(valid).toBeGreaterThan(100);
    expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
  });
});

describe('limit bombs and persisted-query shapes', () => {
  const ALIASES = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { kind }`).join(' ')} }`;
  const DEEP = `{ portal(slug: "huayou") { organization { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } } }`;
  const COSTLY = `{ enterprises(first: 100) { nodes { rootOrganizations { descendants(first: 100) { nodes { descendants(first: 100) { nodes { name } } } } } } } }`;
  const BOMBS = [ALIASES, DEEP, COSTLY];

  it('over HTTP: 4xx with a typed code, never a 5xx', async () => {
    for (const query of BOMBS) {
      const res = await send(JSON.stringify({ query }));
      expect(res.status, query.slice(0, 60)).toBe(400);
      expect(code(res)).toBe('BAD_USER_INPUT');
    }
    for (const extensions of [{ persistedQuery: { version: 1, sha256Hash: 'nope' } }, { persistedQuery: 'x' }, { persistedQuery: { version: 1 } }, { persistedQuery: [] }]) {
      const res = await send(JSON.stringify({ query: '{ viewer { kind } }', extensions }));
      expect(res.status, JSON.stringify(extensions)).toBeLessThan(500);
      expect(code(res)).toMatch(/^(PERSISTED_QUERY_NOT_SUPPORTED|BAD_USER_INPUT|BAD_REQUEST)$/);
    }
  });

  it('over WebSocket: the same typed refusals, the socket still open', async () => {
    const client = socketClient();
    try {
      for (const query of BOMBS) expect(code({ json: await sendOverSocket(client, { query }) })).toBe('BAD_USER_INPUT');
      expect((await sendOverSocket(client, { query: '{ viewer { kind } }' })).data.viewer.kind).toBe('ANONYMOUS');
    } finally {
      await client.dispose();
    }
  });
});

describe('injection strings and fuzz over WebSocket', () => {
  it('finds no internal error in 600 mutated operations and the injection strings', async () => {
    const random = prng(20261130);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const SEEDS = [
      `query($q: String!) { search(query: $q, first: 5) { edges { snippet } } }`,
      `query($id: ID!) { node(id: $id) { id ... on NewsArticle { title } } }`,
      `{ news(first: 5) { totalCount nodes { id title } } }`,
      `mutation($s: String!) { signIn(input: { login: $s, password: $q }) { userErrors { code } } }`,
      `{ viewer { kind } }`,
    ];
    const client = socketClient();
    try {
      for (const evil of INJECTIONS) await sendOverSocket(client, { query: SEEDS[0]!, variables: { q: evil } });
      for (let i = 0; i < 600; i++) {
        const text = [...pick(SEEDS)];
        const at = Math.floor(random() * text.length);
        if (random() < 0.5) text.splice(at, 1 + Math.floor(random() * 4));
        else text.splice(at, 0, pick([' { ', ' } ', '(first: -1)', ' $ ', '"党建"', ' ... ', '(after: "x")']));
        const variables = { q: pick(['', '党建', 'x'.repeat(300), null, 7]), id: pick(['', 'eA', gid('NewsArticle', 1), null]), s: pick(['huayou', '', null]) };
        await sendOverSocket(client, { query: text.join(''), variables });
      }
    } finally {
      await client.dispose();
    }
    expect(internalErrors).toEqual([]);
  });
});

describe('afterwards', () => {
  it('no request produced an internal error, and the server is healthy', async () => {
    expect(internalErrors).toEqual([]);
    expect(api.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
  });
});
