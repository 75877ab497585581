/**
 * `pnpm lighthouse`: Lighthouse (from npm) with Debian's Chromium on a demo portal's home and
 * article pages — performance, accessibility, best practices and SEO. A script that prints
 * figures, not a test. It runs the whole stack in this process: a throwaway PostgreSQL with the
 * demo data, the API, and the built portals (`pnpm --filter @dangjian/portals build` first).
 * CHROME_PATH overrides /usr/bin/chromium.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pino } from 'pino';
import { openAppOrm, startApi } from '../app.js';
import { runCli } from '../cli/run.js';
import { loadConfig, REPO_ROOT } from '../core/config.js';
import { migrateUp } from '../core/db/migrations.js';
import { startThrowawayServer } from '../core/db/throwaway.js';
import { seedDemoData } from '../demo/seed.js';
import { newPersonalDataSecret } from '../modules/members/personal-data.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

runCli(async () => {
  const pg = await startThrowawayServer();
  const log = pino({ level: 'silent' });
  let close: (() => Promise<void>)[] = [];
  try {
    const { url: databaseUrl } = await pg.createDatabase('lighthouse');
    const orm = await openAppOrm({ databaseUrl, log });
    await migrateUp(orm);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', MEMBER_DATA_KEY: newPersonalDataSecret() });
    await seedDemoData(orm, config);
    await orm.close();
    const api = await startApi({ config, log, databaseUrl, port: 0 });
    close.push(() => api.close());
    process.env.PORTALS_API_URL = api.server.url;
    const entry = pathToFileURL(path.join(REPO_ROOT, 'portals/dist/server/entry.mjs')).href;
    const { handler } = (await import(entry)) as { handler: (req: http.IncomingMessage, res: http.ServerResponse) => void };
    const portals = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => portals.listen(0, '127.0.0.1', resolve));
    close.push(() => new Promise((resolve) => portals.close(() => resolve())));
    const base = `http://127.0.0.1:${(portals.address() as AddressInfo).port}/p/huayou-caiyou1/`;

    // The article: the plant's first news item, as a visitor finds it.
    const home = await (await fetch(base)).text();
    const article = home.match(/href="(\/p\/huayou-caiyou1\/news\/[A-Za-z0-9_-]+)"/)?.[1];
    if (!article) throw new Error('no article on the portal home');

    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    close.push(async () => void chrome.kill());
    say(`Lighthouse ${(lighthouse as unknown as { version?: string }).version ?? '13'} · Chromium · mobile emulation with simulated throttling (Lighthouse defaults)`);
    say(`${'page'.padEnd(10)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
    for (const [name, url] of [['home', base], ['article', new URL(article, base).href]] as const) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`no Lighthouse result for ${url}`);
      const scores = CATEGORIES.map((c) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
      say(`${name.padEnd(10)}${scores.map((s) => String(s).padStart(16)).join('')}`);
      for (const c of CATEGORIES) {
        const category = result.lhr.categories[c];
        if ((category?.score ?? 0) >= 0.95) continue;
        // What kept a category under 95, so the next person knows where to look.
        for (const ref of category?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) say(`    ${c}: ${audit.id} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
  } finally {
    for (const fn of close.reverse()) await fn().catch(() => {});
    close = [];
    await pg.dispose();
  }
});
