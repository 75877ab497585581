/**
 * `pnpm start`'s main job (api/src/cli/start.ts) as a real process: embedded PostgreSQL on its own
 * port, migrations, demo data once, API and portals; SIGTERM stops all of it; a second start
 * reuses the data; DATABASE_URL replaces the embedded server.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { demoEnterprises, type DemoOrg } from '../../api/src/demo/demo-data.js';
import { postGraphQL } from '../support/api.js';
import { createTestDatabase } from '../support/database.js';
import { runEntry, type Spawned } from '../support/processes.js';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-start-'));
  await fs.chmod(dir, 0o711);
  env = {
    EMBEDDED_PG_DATA_DIR: path.join(dir, 'pgdata'),
    EMBEDDED_PG_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    PORTALS_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
  };
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const READY = /Dangjian Platform is running/;

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function stop(proc: Spawned, signal: NodeJS.Signals = 'SIGTERM') {
  proc.child.kill(signal);
  return proc.exited;
}

/** Ctrl-C in a terminal: SIGINT to every process of the foreground group. */
async function ctrlC(proc: Spawned) {
  process.kill(-proc.child.pid!, 'SIGINT');
  return proc.exited;
}

async function enterpriseCount(): Promise<number> {
  const res = await postGraphQL<{ enterprises: { totalCount: number } }>(`http://127.0.0.1:${env.API_PORT}/graphql`, {
    query: '{ enterprises(first: 1) { totalCount } }',
  });
  return res.data!.enterprises.totalCount;
}

// A first start runs initdb, every migration and the whole demo seed: on a loaded 2-core machine
// that can pass the default 30 s, so these tests get longer (they assert no timing).
describe('start with the embedded database', { timeout: 90_000 }, () => {
  it('starts everything, serves API and portals, and SIGTERM stops it all with the database', async () => {
    const proc = runEntry('src/cli/start.ts', env);
    await proc.waitFor(READY);
    expect(proc.output()).toMatch(/"msg":"embedded PostgreSQL started"/);
    expect(proc.output()).toMatch(/"msg":"migrations applied"/);
    expect(proc.output()).toMatch(/"msg":"demo data loaded"/);
    expect(await enterpriseCount()).toBe(2);
    const page = await fetch(`http://127.0.0.1:${env.PORTALS_PORT}/p/huayou-lianhua/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('炼化分公司党委');

    expect(await stop(proc)).toEqual({ code: 0, signal: null });
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
    expect(await portOpen(Number(env.API_PORT))).toBe(false);
    expect(await portOpen(Number(env.PORTALS_PORT))).toBe(false);
  });

  it('reuses the data on a second start; Ctrl-C drains the API before stopping the database', async () => {
    const proc = runEntry('src/cli/start.ts', env);
    await proc.waitFor(READY);
    expect(proc.output(), proc.output()).not.toMatch(/migrations applied|demo data loaded/);
    expect(await enterpriseCount()).toBe(2);
    expect((await fetch(`http://127.0.0.1:${env.PORTALS_PORT}/p/jiangchuan/`)).status).toBe(200);
    expect(await ctrlC(proc), proc.output()).toEqual({ code: 0, signal: null });
    expect(proc.output()).toMatch(/"msg":"stopped"/);
    // The database went down last, not under the API's open connections.
    expect(proc.output()).not.toMatch(/terminating connection|"level":50/);
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  });

  it('recovers the database left running by a start that was killed with SIGKILL', async () => {
    const first = runEntry('src/cli/start.ts', env);
    await first.waitFor(READY);
    await stop(first, 'SIGKILL');
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(true); // the orphan
    const second = runEntry('src/cli/start.ts', env);
    await second.waitFor(READY);
    expect(await enterpriseCount()).toBe(2);
    expect(await stop(second)).toEqual({ code: 0, signal: null });
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  });

  it('refuses a database port that is already taken, in one line', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const proc = runEntry('src/cli/start.ts', { ...env, EMBEDDED_PG_PORT: String(port) });
      expect((await proc.exited).code).toBe(1);
      expect(proc.output()).toContain(`Error: EMBEDDED_PG_PORT: port ${port} on 127.0.0.1 is already in use; choose a free port`);
      expect(proc.output()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});

// Processes starting the API and the portals, and loading the demo: as slow as the machine is.
describe('start with DATABASE_URL', { timeout: 90_000 }, () => {
  it('uses that server and starts no database of its own', async () => {
    const db = await createTestDatabase('empty');
    try {
      const proc = runEntry('src/cli/start.ts', { ...env, DATABASE_URL: db.url });
      await proc.waitFor(READY);
      expect(proc.output()).not.toMatch(/embedded PostgreSQL/);
      expect(proc.output()).toMatch(/"msg":"demo data loaded"/);
      expect(await enterpriseCount()).toBe(2);
      expect((await db.query('select count(*)::int as n from organization'))[0]!.n).toBe(demoOrganizationCount());
      expect(await stop(proc)).toEqual({ code: 0, signal: null });
    } finally {
      await db.drop();
    }
  });
});

function demoOrganizationCount(): number {
  const count = (org: DemoOrg): number => 1 + (org.children ?? []).reduce((n, c) => n + count(c), 0);
  return demoEnterprises.reduce((n, e) => n + count(e.root), 0);
}

describe('a second start while one is running', { timeout: 90_000 }, () => {
  it('refuses in one line and leaves the running one (and its database) alone', async () => {
    const first = runEntry('src/cli/start.ts', env);
    await first.waitFor(READY);
    // Same data directory, other ports: the database is in use.
    const second = runEntry('src/cli/start.ts', { ...env, API_PORT: String(await freePort()), PORTALS_PORT: String(await freePort()) });
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toMatch(/^Error: the database in .+ is in use by another running process \(pid \d+\); stop it first\n$/m);
    // Same ports: refused before anything else.
    const third = runEntry('src/cli/start.ts', env);
    expect((await third.exited).code).toBe(1);
    expect(third.output()).toContain(`Error: API_PORT: port ${env.API_PORT} on 127.0.0.1 is already in use; choose a free port`);
    expect(await enterpriseCount()).toBe(2);
    expect(await stop(first)).toEqual({ code: 0, signal: null });
  });
});
