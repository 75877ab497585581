/**
 * The portal server itself under load (issue #19, item 5): the rendered home page and an article,
 * anonymous, at the bench's connections — so the cost of server rendering shows beside the API's
 * figures. Builds the portals first when there is no build (a fresh clone).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../core/config.js';
import { freePort } from '../core/db/throwaway.js';

const ENTRY = path.join(REPO_ROOT, 'portals', 'dist', 'server', 'entry.mjs');
/** Issue #19: the rendered home page's p99 at 16 connections. */
const HOME_P99_TARGET_MS = 80;

function buildPortals(say: (line: string) => void): void {
  if (fs.existsSync(ENTRY)) return;
  say('  building the portals (no build yet)…');
  // Under `pnpm bench`, npm_execpath is the pnpm that runs us: a script for Node, or (pnpm 11 and
  // later, as npx installs it) an executable of its own.
  const pnpm = process.env.npm_execpath;
  const build = ['--filter', '@dangjian/portals', 'build'];
  const [command, args] = !pnpm ? ['pnpm', build] : /\.[cm]?js$/.test(pnpm) ? [process.execPath, [pnpm, ...build]] : [pnpm, build];
  execFileSync(command, args as string[], { cwd: REPO_ROOT, stdio: 'ignore' });
}

export async function benchPortalPages(args: { apiUrl: string; articleIds: string[]; seconds: number; connections: number; say: (line: string) => void }): Promise<string[]> {
  const { say } = args;
  buildPortals(say);
  const port = await freePort();
  // BENCH_PROFILE=1: the portal server's CPU profile too, beside the API's.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(REPO_ROOT, '.data', 'bench', 'profiles')}`, '--cpu-prof-name=portals.cpuprofile'] : [];
  const child = spawn(process.execPath, [...profile, path.join(REPO_ROOT, 'portals', 'server.mjs')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORTALS_PORT: String(port), PORTALS_API_URL: args.apiUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the portal server did not start')), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('portals listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`the portal server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}/p/huayou`;
    const pick = () => args.articleIds[Math.floor(Math.random() * args.articleIds.length)]!;
    const pages = [
      { name: 'home page', path: () => '/', target: HOME_P99_TARGET_MS },
      { name: 'article page', path: () => `/news/${pick()}`, target: null },
    ];
    const lines = [`${'page'.padEnd(14)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(10)}  target`];
    for (const page of pages) {
      const first = await fetch(`${base}${page.path()}`);
      if (first.status !== 200) throw new Error(`${page.name}: the portal answered ${first.status}`);
      const run = (duration: number) =>
        autocannon({
          url: base,
          connections: args.connections,
          duration,
          requests: [{ setupRequest: (req: any) => ({ ...req, path: `/p/huayou${page.path()}` }) }],
        } as autocannon.Options);
      await run(2); // warm-up
      const result = await run(args.seconds);
      const errors = result.errors + result.non2xx + result.timeouts;
      const verdict = page.target === null ? '—' : `p99 < ${page.target} ms ${result.latency.p99 < page.target ? 'pass' : 'FAIL'}`;
      lines.push(`${page.name.padEnd(14)}${result.requests.average.toFixed(0).padStart(10)}${String(result.latency.p50).padStart(10)}${String(result.latency.p99).padStart(10)}${String(errors).padStart(10)}  ${verdict}`);
      say(`  measured the portal's ${page.name}`);
    }
    return lines;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited; // a profile is written on the way out
  }
}
