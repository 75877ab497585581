/**
 * `pnpm bench`: loads a large generated dataset into a throwaway PostgreSQL, starts the API (as in
 * production: trusted documents, rate budgets, one process) and the raw-SQL floor
 * (floor-server.ts) side by side, and measures the portal's reads on each over loopback with
 * autocannon: requests/s, p50 and p99 latency, SQL statements per request. Then the portal
 * server's rendered pages, subscription fan-out (fan-out.ts), notifications, the member
 * spreadsheet, learning and dashboards. Prints each table with its targets.
 *
 * BENCH_SECONDS (default 10) per measurement; BENCH_CONNECTIONS (default 16);
 * BENCH_SUBSCRIBERS (anonymous, default 200,2000,10000); BENCH_SIGNED_IN (default 2000x100:
 * subscribers x distinct abilities); BENCH_SCALE (default 1) multiplies the dataset;
 * BENCH_ONLY=reads,portal,fanout,notifications,members,learning,dashboards runs those sections
 * alone; BENCH_READS='portal home,article' measures only
 * those reads (their names in the table); BENCH_KEEP_DB=1 leaves the database running afterwards (it prints the settings with
 * which BENCH_DATABASE_URL measures it again without loading it — say the same BENCH_SCALE);
 * BENCH_TRACE=1 prints the SQL of each probe request with its time (and slows the API down: use
 * it to explain, not to measure); BENCH_PROFILE=1 writes a CPU profile of the API to
 * .data/bench/profiles/ (open it in Chrome's DevTools, or `node api/src/bench/profile-summary.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { pino } from 'pino';
import { runCli } from '../cli/run.js';
import { loadConfig } from '../core/config.js';
import { migrateUp } from '../core/db/migrations.js';
import { openAppOrm } from '../app.js';
import { newPersonalDataSecret } from '../modules/members/personal-data.js';
import { benchDashboards } from './dashboards.js';
import { benchLearning } from './learning.js';
import { benchMembers } from './members.js';
import { benchNotifications } from './notifications.js';
import { freePort, startThrowawayServer } from '../core/db/throwaway.js';
import { loadTrustedDocuments } from '../core/graphql/trusted-documents.js';
import { seedDemoData } from '../demo/seed.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { generateBenchData } from './generate.js';
import { benchPortalPages } from './portal-pages.js';
import { benchFanOut } from './fan-out.js';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? '200,2000,10000').split(',').map(Number);
/** Signed-in subscribers and the distinct abilities they are spread over: `2000x100`. */
const SIGNED_IN = (process.env.BENCH_SIGNED_IN ?? '2000x100').split('x').map(Number) as [number, number];
const say = (line: string) => process.stdout.write(`${line}\n`);
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const runs = (section: string) => ONLY.size === 0 || ONLY.has(section);
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

interface Child {
  process: ChildProcess;
  lines: Record<string, any>[];
  url: string;
}

/** Starts a process of this package and waits for its "listening" line. */
async function startChild(entry: string, env: Record<string, string>, ready: RegExp, nodeFlags: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', '@oxc-node/core/register', entry], { cwd: API_DIR, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, any>[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      // Only the lines the bench reads (its probes, a trace's statements, readiness) are parsed and
      // kept: parsing every request's access log line would load the machine the servers share.
      if (!line.includes('bench-') && !(process.env.BENCH_TRACE && line.includes('"sql"')) && !ready.test(line)) return;
      try {
        lines.push(JSON.parse(line));
      } catch {
        return;
      }
      if (ready.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return { process: child, lines, url: `http://127.0.0.1:${env.API_PORT ?? env.PORT}/graphql` };
}

const stop = (child: Child) =>
  new Promise<void>((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
  });

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { headers: res.headers, body: (await res.json()) as any };
}

interface Scenario {
  name: string;
  /** The API's throughput as a share of the floor's that issue #19 asks for, in per cent. */
  target: number;
  body: () => Record<string, unknown>;
  headers: Record<string, string>;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  statements: number;
  errors: number;
  /** Requests answered with a 2xx status within the run. */
  answered: number;
}

/**
 * An answer as JSON with every object's keys in order (the floor builds its objects in its own
 * order), without what depends on the instant it was worked out (a notice's seconds to go).
 */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (key, v) =>
    key === 'remainingSeconds' ? undefined : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

async function measure(url: string, scenario: Scenario): Promise<Omit<Figures, 'statements'>> {
  const run = (duration: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: CONNECTIONS,
      duration,
      headers: { 'content-type': 'application/json', ...scenario.headers },
      requests: [
        {
          // A fresh body per request, from one of a thousand visitors.
          setupRequest: (req: any) => ({
            ...req,
            body: JSON.stringify(scenario.body()),
            headers: { ...req.headers, 'x-forwarded-for': `10.1.${Math.floor(Math.random() * 4)}.${Math.floor(Math.random() * 250)}` },
          }),
        },
      ],
    } as autocannon.Options);
  await run(2); // warm-up
  const result = await run(SECONDS);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts, answered: result['2xx'] };
}

/**
 * Cost growth (issue #19): each run keeps its read latencies in .data/bench/; a run at a larger
 * BENCH_SCALE compares its p99s with those of scale 1 (run that first). Uncached reads only.
 */
const GROWTH_TARGET = 1.5;
const PROFILE_DIR = path.join(API_DIR, '../.data/bench/profiles');
const GROWTH_ROWS = ['portal home', 'article', 'member list'];
function costGrowth(p99s: Record<string, number>): string[] {
  const dir = path.join(API_DIR, '../.data/bench');
  fs.mkdirSync(dir, { recursive: true });
  // A traced or profiled run is slowed down: its figures are not kept for comparison.
  if (!process.env.BENCH_TRACE && !process.env.BENCH_PROFILE) fs.writeFileSync(path.join(dir, `reads-scale-${SCALE}.json`), JSON.stringify({ at: new Date().toISOString(), p99s }, null, 2));
  if (SCALE === 1) return ['', `(p99s kept in .data/bench/reads-scale-1.json: a run with BENCH_SCALE=10 compares with them)`];
  const base = path.join(dir, 'reads-scale-1.json');
  if (!fs.existsSync(base)) return ['', `No scale-1 figures to compare with: run BENCH_SCALE=1 BENCH_ONLY=reads first.`];
  const before = (JSON.parse(fs.readFileSync(base, 'utf8')) as { p99s: Record<string, number> }).p99s;
  const lines = ['', `Cost growth, scale 1 → ${SCALE}     p99 ms at 1   p99 ms at ${SCALE}     growth   target`];
  for (const name of GROWTH_ROWS) {
    const [a, b] = [before[name], p99s[name]];
    if (a === undefined || b === undefined) continue;
    const growth = b / Math.max(a, 1);
    lines.push(`${name.padEnd(30)}${String(a).padStart(11)}${String(b).padStart(13)}${`${growth.toFixed(2)}×`.padStart(11)}   ≤${GROWTH_TARGET}× ${growth <= GROWTH_TARGET ? 'pass' : 'FAIL'}`);
  }
  return lines;
}

runCli(async () => {
  const sizes = { organizations: 200 * SCALE, users: 5_000 * SCALE, news: 100_000 * SCALE, disclosures: 20_000 * SCALE, cases: 10_000 * SCALE };
  say(`Dangjian bench · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB · Node ${process.version} · ${SECONDS} s per run, ${CONNECTIONS} connections`);
  const started = Date.now();
  // One key for the demo's sealed member data and the API that reads it.
  const memberDataKey = process.env.BENCH_MEMBER_DATA_KEY ?? newPersonalDataSecret();
  // BENCH_DATABASE_URL: a database a BENCH_KEEP_DB run left, measured again without loading it.
  const reuse = process.env.BENCH_DATABASE_URL;
  const pgServer = reuse ? null : await startThrowawayServer();
  const children: Child[] = [];
  let keptUrl = '';
  try {
    const databaseUrl = reuse ?? (await pgServer!.createDatabase('bench')).url;
    keptUrl = databaseUrl;
    if (!reuse) {
      const orm = await openAppOrm({ databaseUrl, log: pino({ level: 'silent' }) });
      await migrateUp(orm);
      await seedDemoData(orm, loadConfig({ NODE_ENV: 'production', MEMBER_DATA_KEY: memberDataKey }));
      await orm.close();
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    db.on('error', () => {}); // the server stops under it at the end
    await db.connect();
    if (!reuse) await generateBenchData(db, sizes, (line) => say(`  generated ${line}`));
    const [counts] = (await db.query(`select count(*) filter (where kind = 'NEWS') as news, count(*) filter (where kind = 'DISCLOSURE') as disclosures, count(*) filter (where kind = 'CASE') as cases, (select count(*) from organization) as orgs, (select count(*) from app_user) as users from content`)).rows;
    say(`Dataset: ${counts.news} news, ${counts.disclosures} disclosures, ${counts.cases} cases, ${counts.orgs} organisations, ${counts.users} users (loaded in ${((Date.now() - started) / 1000).toFixed(0)} s)`);

    const metricsToken = randomBytes(16).toString('hex');
    const apiPort = await freePort();
    const floorPort = await freePort();
    const api = await startChild(
      'src/main.ts',
      { DATABASE_URL: databaseUrl, API_PORT: String(apiPort), NODE_ENV: 'production', METRICS_TOKEN: metricsToken, MEMBER_DATA_KEY: memberDataKey, LOG_LEVEL: 'info', RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_USER: '100000000', DB_POOL_MAX: '10', SCHEDULER_INTERVAL_MS: '60000', ...(process.env.BENCH_TRACE ? { LOG_LEVEL: 'trace' } : {}) },
      /API listening/,
      // BENCH_PROFILE=1: a CPU profile of the API for the whole run, written when it stops.
      process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    children.push(api);
    const floor = await startChild('src/bench/floor-server.ts', { DATABASE_URL: databaseUrl, PORT: String(floorPort), DB_POOL_MAX: '10' }, /floor listening/);
    children.push(floor);

    const documents = loadTrustedDocuments();
    const idOf = (name: string) => [...documents].find(([, text]) => new RegExp(`(query|mutation|subscription) ${name}\\b`).test(text))![0];
    const signIn = await post(api.url, { documentId: idOf('SignIn'), operationName: 'SignIn', variables: { input: { login: '13800000001', password: DEMO_PASSWORD } } });
    const token = signIn.body.data.signIn.token as string;
    const root = (await db.query(`select id from organization where name = '华油能源集团有限公司党委'`)).rows[0].id;
    const plant = (await db.query(`select id from organization where name = '第一采油厂党委'`)).rows[0].id;
    const articles = (await db.query(`select id from content where kind = 'NEWS' and visibility = 'PUBLIC' and status = 'PUBLISHED' order by random() limit 1000`)).rows.map((r) => gid('NewsArticle', r.id));
    const terms = ['党建工作', '主题党日', '安全生产', '党员先锋岗', '乡村振兴', '廉洁文化'];
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

    // `no-cache`: the API's response cache (anonymous portal reads) is measured on its own rows.
    const uncached = { 'cache-control': 'no-cache' };
    const homeBody = () => ({ documentId: idOf('PortalFeed'), operationName: 'PortalFeed', variables: { organizationId: gid('Organization', root) } });
    const articleBody = () => ({ documentId: idOf('NewsArticle'), operationName: 'NewsArticle', variables: { id: pick(articles) } });
    const scenarios: Scenario[] = [
      { name: 'portal home', target: 50, headers: uncached, body: homeBody },
      { name: 'article', target: 50, headers: uncached, body: articleBody },
      { name: 'home, cached', target: 150, headers: {}, body: homeBody },
      { name: 'article, cached', target: 150, headers: {}, body: articleBody },
      {
        name: 'member list',
        target: 50,
        headers: { authorization: `Bearer ${token}` },
        body: () => ({ documentId: idOf('NewsList'), operationName: 'NewsList', variables: { organizationId: gid('Organization', plant) } }),
      },
      { name: 'search', target: 95, headers: uncached, body: () => ({ documentId: idOf('NewsSearch'), operationName: 'NewsSearch', variables: { query: pick(terms), first: 10 } }) },
    ];

    const table: string[] = [];
    const p99s: Record<string, number> = {};
    const row = (cells: (string | number)[]) => table.push(cells.map((c, i) => String(c).padStart(i === 0 ? 0 : 10).padEnd(i === 0 ? 14 : 0)).join(''));
    row(['request', 'server', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'errors', 'target']);
    const only = (process.env.BENCH_READS ?? '').split(',').filter(Boolean);
    const chosen = only.length ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
    for (const scenario of runs('reads') ? chosen : []) {
      // Both servers must give the same answer, or the comparison means nothing.
      const probeBody = { ...scenario.body(), variables: { ...(scenario.body().variables as object) } };
      const requestId = `bench-probe-${scenario.name.replace(/\W/g, '-')}`;
      // A cached row is probed twice: the second answer comes from the cache (no SQL at all).
      if (scenario.headers['cache-control'] === undefined && !scenario.headers.authorization) await post(api.url, probeBody, scenario.headers);
      const a = await post(api.url, probeBody, { ...scenario.headers, 'x-request-id': requestId });
      const f = await post(floor.url, probeBody, scenario.headers);
      if (a.body.errors || !a.body.data) throw new Error(`${scenario.name}: the API answered ${JSON.stringify(a.body.errors)}`);
      if (f.body.errors || !f.body.data) throw new Error(`${scenario.name}: the floor answered ${JSON.stringify(f.body.errors)}`);
      const [x, y] = [canonical(a.body.data), canonical(f.body.data)];
      if (x !== y) {
        let i = 0;
        while (x[i] === y[i]) i++;
        throw new Error(`${scenario.name}: the API and the floor disagree at ${i}:\n  API:   …${x.slice(Math.max(0, i - 80), i + 120)}\n  floor: …${y.slice(Math.max(0, i - 80), i + 120)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
      const apiStatements = a.headers.get('x-cache') === 'HIT' ? 0 : (api.lines.find((l) => l.requestId === requestId && l.msg === 'request')?.statements ?? NaN);
      const floorStatements = Number(f.headers.get('x-sql-statements'));
      // BENCH_TRACE=1: each statement of the probe request, with its time and, for reads, its plan.
      if (process.env.BENCH_TRACE) {
        for (const l of api.lines.filter((l) => l.requestId === requestId && l.sql)) {
          say(`    ${l.took} ms  ${String(l.sql).slice(0, process.env.BENCH_TRACE === 'full' ? undefined : 160)}`);
          if (!/^\s*(\/\*.*?\*\/\s*)?select\b/i.test(l.sql)) continue; // a marker comment may lead
          const plan = await db.query(`explain (analyze, costs off, timing off) ${l.formatted}`);
          for (const line of plan.rows.map((r) => r['QUERY PLAN'] as string)) say(`        ${line}`);
        }
      }

      const apiFigures = { ...(await measure(api.url, scenario)), statements: apiStatements };
      const floorFigures = { ...(await measure(floor.url, scenario)), statements: floorStatements };
      row([scenario.name, 'API', apiFigures.rps.toFixed(0), apiFigures.p50, apiFigures.p99, apiFigures.statements, apiFigures.errors]);
      row(['', 'floor', floorFigures.rps.toFixed(0), floorFigures.p50, floorFigures.p99, floorFigures.statements, floorFigures.errors]);
      // A rate needs rounds: a server whose connections each got fewer than ten answers in the run,
      // or that failed one request in ten (timeouts at a scale too large for it), gives no rate to
      // compare, and a share of two such figures would read as a pass or a fail it is not.
      const failed = [apiFigures, floorFigures].some((f) => f.answered < CONNECTIONS * 10 || f.errors * 10 > f.answered);
      const share = (apiFigures.rps / floorFigures.rps) * 100;
      const verdict = failed ? 'no comparison' : `≥${scenario.target}% ${share >= scenario.target ? 'pass' : 'FAIL'}`;
      p99s[scenario.name] = apiFigures.p99;
      const times = (a: number, b: number) => (failed ? '—' : `${(a / Math.max(b, 0.01)).toFixed(1)}×`);
      row(['', 'API/floor', failed ? '—' : `${share.toFixed(0)}%`, times(apiFigures.p50, floorFigures.p50), times(apiFigures.p99, floorFigures.p99), '', '', verdict]);
      if (failed) table.push('               (too few answers within the run for a rate: no comparison)');
      say(`  measured ${scenario.name}`);
    }
    if (runs('reads')) {
      say(`\n${table.join('\n')}`);
      say(costGrowth(p99s).join('\n'));
    }

    // The portal server itself: rendered pages over the API (with its response cache, as deployed).
    if (runs('portal')) {
      say('');
      say('Portal pages (the portal server rendering, anonymous, over the API):');
      const portalLines = await benchPortalPages({ apiUrl: api.url, articleIds: articles.slice(0, 200), seconds: SECONDS, connections: CONNECTIONS, say });
      say(portalLines.join('\n'));
    }

    // Subscription fan-out: one publication to N subscribers of the group portal's live feed.
    if (runs('fanout')) {
      say('');
      say('Fan-out (one publication, the group portal’s live feed):');
      const fanOut = await benchFanOut({ api, db, idOf, post, token: (login) => post(api.url, { documentId: idOf('SignIn'), operationName: 'SignIn', variables: { input: { login, password: DEMO_PASSWORD } } }).then((r) => r.body.data.signIn.token as string), metricsToken, anonymous: SUBSCRIBERS, signedIn: SIGNED_IN });
      say(fanOut.join('\n'));
    }
    await db.end();
    if (runs('notifications')) await benchNotifications(databaseUrl, say);
    if (runs('members')) await benchMembers(databaseUrl, memberDataKey, say);
    if (runs('learning')) await benchLearning(databaseUrl, say);
    if (runs('dashboards')) await benchDashboards(databaseUrl, say);
  } catch (error) {
    say(`bench failed: ${(error as Error).stack ?? error}`);
    throw error;
  } finally {
    for (const child of children) await stop(child);
    // BENCH_KEEP_DB=1 leaves the database running, to EXPLAIN what was measured.
    if (process.env.BENCH_KEEP_DB || reuse) say(`Database kept: BENCH_DATABASE_URL=${keptUrl} BENCH_MEMBER_DATA_KEY=${memberDataKey} BENCH_SCALE=${SCALE}`);
    else await pgServer!.dispose();
  }
  say(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
});
