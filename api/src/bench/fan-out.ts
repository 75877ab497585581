/**
 * Subscription fan-out: N WebSocket subscribers of the group portal's live feed (the trusted
 * PortalPublished document), one publication, the time from the approval to each arrival. Rows:
 * anonymous subscribers at each size of BENCH_SUBSCRIBERS, then signed-in subscribers spread over a
 * number of distinct abilities (people of different branches, several sockets each). Each row
 * prints the SQL statements the API's subscriptions ran for the event (its
 * `dj_sql_statements_total{source="subscription"}` across the delivery: not the approving request's,
 * nor a background job's that happened to run) and the process's memory with every socket open,
 * both read from its /metrics.
 */
import { createClient, type Client } from 'graphql-ws';
import type pg from 'pg';
import WebSocket from 'ws';
import { newSecret, SESSION_PREFIX, sha256 } from '../modules/identity/tokens.js';

interface Api {
  url: string;
  /** The API's JSON log lines so far (request lines carry `requestId` and `statements`). */
  lines: Record<string, any>[];
}

type Post = (url: string, body: unknown, headers?: Record<string, string>) => Promise<{ headers: Headers; body: any }>;

export interface FanOutArgs {
  api: Api;
  db: pg.Client;
  idOf: (operationName: string) => string;
  post: Post;
  /** A session token for a demo login. */
  token: (login: string) => Promise<string>;
  metricsToken: string;
  anonymous: number[];
  /** Signed-in subscribers and the distinct abilities they are spread over. */
  signedIn: [number, number];
}

const TARGET_P99_MS = 1000;
/** Sockets opened at once: a burst of thousands would only measure the kernel's accept queue. */
const OPEN_BATCH = 250;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

/** The API process's counters from its /metrics. */
async function apiMetrics(api: Api, token: string): Promise<{ statements: number; rss: number; heap: number }> {
  const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${token}` } })).text();
  const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { statements: value('dj_sql_statements_total{source="subscription"}'), rss: value('dj_process_resident_memory_bytes'), heap: value('dj_nodejs_heap_size_used_bytes') };
}

/** Opens `n` subscribers, the i-th signed in with `tokens[i % tokens.length]` (anonymous if none). */
async function openSubscribers(args: FanOutArgs, n: number, tokens: string[], arrivals: number[]): Promise<Client[]> {
  const clients: Client[] = [];
  const live = { query: '', documentId: args.idOf('PortalPublished'), operationName: 'PortalPublished', variables: { slug: 'huayou', kinds: ['NEWS'] } };
  for (let from = 0; from < n; from += OPEN_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(OPEN_BATCH, n - from) }, async (_, j) => {
        const token = tokens.length ? tokens[(from + j) % tokens.length] : undefined;
        const client = createClient({
          url: args.api.url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: false,
          connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        });
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', reject);
        });
        client.subscribe(live as { query: string }, { next: () => arrivals.push(performance.now()), error: () => {}, complete: () => {} });
        return client;
      }),
    );
    clients.push(...batch);
  }
  return clients;
}

/** People of `count` different branches (one ability each), each with a fresh session. */
async function sessionsOfDistinctPeople(db: pg.Client, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: number }>(
    `select distinct on (m.organization_id) u.id
       from app_user u join membership m on m.user_id = u.id
      where m.role = 'MEMBER' and not exists (select 1 from membership o where o.user_id = u.id and o.id <> m.id)
      order by m.organization_id, u.id limit $1`,
    [count],
  );
  const tokens = rows.map(() => newSecret(SESSION_PREFIX));
  await db.query(`insert into session (user_id, token_hash, expires_at) select u, h, now() + interval '1 day' from unnest($1::int[], $2::text[]) as t(u, h)`, [
    rows.map((r) => r.id),
    tokens.map(sha256),
  ]);
  return tokens;
}

export async function benchFanOut(args: FanOutArgs): Promise<string[]> {
  const { api, db, post } = args;
  const editor = await args.token('editor@cy1.huayou.example');
  const reviewer = await args.token('reviewer@cy1.huayou.example');
  const branch = (await db.query(`select id from organization where name = '采油一队党支部'`)).rows[0].id;
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const lines = [
    `${'subscribers'.padEnd(24)}${'delivered'.padStart(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'SQL/event'.padStart(11)}${'API RSS MB'.padStart(12)}${'heap MB'.padStart(9)}   target`,
  ];

  const run = async (label: string, n: number, tokens: string[], abilities: number) => {
    const arrivals: number[] = [];
    const clients = await openSubscribers(args, n, tokens, arrivals);
    await new Promise((r) => setTimeout(r, 1000 + n / 5)); // let every subscription start
    const created = await post(api.url, { query: `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, variables: { i: { organizationId: gid('Organization', branch), title: `扇出测试 ${label}`, bodyHtml: '<p>扇出测试</p>' } } }, auth(editor));
    const id = created.body.data.newsCreate.newsArticle.id;
    await post(api.url, { query: `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, variables: { id } }, auth(editor));
    const before = await apiMetrics(api, args.metricsToken);
    const logged = api.lines.length;
    const requestId = `bench-fan-out-${label.replace(/\W/g, '-')}`;
    const t0 = performance.now();
    await post(api.url, { query: `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, variables: { id } }, { ...auth(reviewer), 'x-request-id': requestId });
    const deadline = Date.now() + 120_000;
    while (arrivals.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300)); // statements still in flight
    const after = await apiMetrics(api, args.metricsToken);
    // BENCH_TRACE=1: the statements the event cost, as the API logged them.
    if (process.env.BENCH_TRACE) for (const l of api.lines.slice(logged).filter((l) => l.sql && l.requestId !== requestId)) lines.push(`    ${String(l.sql).slice(0, 150)}`);
    const perEvent = after.statements - before.statements;
    const latencies = arrivals.map((t) => t - t0).sort((x, y) => x - y);
    const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : NaN);
    const p99 = at(0.99);
    const pass = arrivals.length === n && p99 < TARGET_P99_MS && perEvent <= abilities + 2;
    lines.push(
      `${label.padEnd(24)}${`${arrivals.length}/${n}`.padStart(12)}${at(0.5).toFixed(0).padStart(9)}${p99.toFixed(0).padStart(9)}${(latencies.at(-1)?.toFixed(0) ?? '-').padStart(9)}${String(perEvent).padStart(11)}${(before.rss / 2 ** 20).toFixed(0).padStart(12)}${(before.heap / 2 ** 20).toFixed(0).padStart(9)}   p99 <${TARGET_P99_MS}, SQL ≤ ${abilities}+2: ${pass ? 'pass' : 'FAIL'}`,
    );
    await Promise.all(clients.map((c) => c.dispose()));
    await new Promise((r) => setTimeout(r, 500)); // the API closes them
  };

  for (const n of args.anonymous) await run(`${n} anonymous`, n, [], 1);
  const [n, abilities] = args.signedIn;
  if (n > 0) {
    const tokens = await sessionsOfDistinctPeople(db, abilities);
    await run(`${n} signed in, ${tokens.length} abl.`, n, tokens, tokens.length);
  }
  return lines;
}
