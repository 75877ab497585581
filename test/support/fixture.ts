/**
 * The one fixture of a test file: a database of its own (a copy of the demo or empty template), the
 * real API on it (and, when asked, the portals' server on that API), and signed-in actors by role — set up before the file's tests and torn down
 * after, instead of the same lines copied into every file.
 *
 *   const { db, api, as, tokens } = useSuite({ actors: ['plantAdmin', 'member'] });
 *   const { plantAdmin, member, anonymous } = as;
 *   it('…', async () => { await plantAdmin(`{ viewer { kind } }`); await db.query(…); });
 *
 * What it returns may be destructured at the top of the file: each part reaches the real object
 * when a test (or hook) uses it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT } from '../../api/src/core/config.js';
import { startTestApi, type TestApi } from './api.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { DEMO, signIn, withToken, type DemoActor, type Gql } from './identity.js';

export interface Suite<A extends string> {
  db: TestDatabase;
  api: TestApi;
  /** GraphQL as each requested actor, and as an anonymous visitor. */
  as: Record<A | 'anonymous', Gql>;
  /** The actors' session tokens (for WebSocket clients, cookies, uploads). */
  tokens: Record<A, string>;
  /** With `portals: true`: the built portals' handler, reading this API, e.g. `http://127.0.0.1:4567`. */
  portals: { base: string };
}

export interface SuiteOptions<A extends DemoActor, L extends string> {
  template?: 'demo' | 'empty';
  /** Environment for the API process (e.g. budgets, scheduler interval). */
  env?: Record<string, string>;
  actors?: readonly A[];
  /** Other accounts to sign in, by a name of the test's choosing: `{ powerMember: '13900000002' }`. */
  logins?: Record<L, string>;
  /** Also serve the built portals (portals/dist, built by the global set-up) against this API. */
  portals?: boolean;
}

/** An object that stands for `get()`'s result, looked up on each use (after set-up). */
function deferred<T extends object>(name: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = get();
      if (!target) throw new Error(`useSuite: ${name} is used before the suite is set up (use it inside a test or hook)`);
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function useSuite<A extends DemoActor = never, L extends string = never>(options: SuiteOptions<A, L> = {}): Suite<A | L> {
  let db: TestDatabase | undefined;
  let api: TestApi | undefined;
  let portals: { server: http.Server; base: string } | undefined;
  const gqls = new Map<string, Gql>();
  const tokens: Partial<Record<A | L, string>> = {};
  beforeAll(async () => {
    db = await createTestDatabase(options.template ?? 'demo');
    api = await startTestApi(db.url, options.env);
    const accounts: [A | L, string][] = [...(options.actors ?? []).map((actor): [A, string] => [actor, DEMO[actor]]), ...(Object.entries(options.logins ?? {}) as [L, string][])];
    const signedIn = await Promise.all(accounts.map(([, login]) => signIn(api!, login)));
    accounts.forEach(([name], i) => {
      tokens[name] = signedIn[i]!;
      gqls.set(name, withToken(api!, signedIn[i]!));
    });
    gqls.set('anonymous', withToken(api, null));
    if (options.portals) {
      process.env.PORTALS_API_URL = api.url;
      const entry = pathToFileURL(path.join(REPO_ROOT, 'portals/dist/server/entry.mjs')).href;
      const { handler } = (await import(/* @vite-ignore */ entry)) as { handler: (req: http.IncomingMessage, res: http.ServerResponse) => void };
      const server = http.createServer((req, res) => handler(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      portals = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }
  });
  afterAll(async () => {
    if (portals) await new Promise((resolve) => portals!.server.close(resolve));
    await api?.close();
    await db?.drop();
  });
  // Each actor's Gql is a function that calls the real one when a test runs it.
  const as = new Proxy({} as Record<A | L | 'anonymous', Gql>, {
    get: (_, actor: string): Gql => (query, variables) => {
      const gql = gqls.get(actor);
      if (!gql) throw new Error(`useSuite: no actor "${actor}" (list it in \`actors\`), or used before set-up`);
      return gql(query, variables);
    },
  });
  return {
    db: deferred('db', () => db),
    api: deferred('api', () => api),
    as,
    tokens: deferred('tokens', () => (api ? (tokens as Record<A | L, string>) : undefined)),
    portals: deferred('portals', () => portals && { base: portals.base }),
  };
}
