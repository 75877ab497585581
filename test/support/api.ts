/** Starts the real API (HTTP + WebSocket) on a free loopback port against a test database. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startApi, type RunningApi } from '../../api/src/app.js';
import { loadConfig } from '../../api/src/core/config.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  /** The raw body, for tests about malformed requests. */
  raw: string;
}

/** The personal-data key of test processes (never a real one): 32 bytes, base64. */
export const TEST_MEMBER_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApi extends RunningApi {
  url: string;
  mediaDir: string;
  baseUrl: string;
  /** Every JSON log line the API wrote. */
  logs: Record<string, any>[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
}

export async function startTestApi(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApi> {
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  // Files go to a folder of this server's own, never into the repository's .data/.
  const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-media-'));
  // Budgets off unless a test sets them: suites send hundreds of requests from one address.
  const config = loadConfig({ NODE_ENV: 'test', API_PORT: '1', SHUTDOWN_TIMEOUT_MS: '5000', MEDIA_DIR: mediaDir, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_USER: '0', RATE_LIMIT_API_KEY: '0', MEMBER_DATA_KEY: TEST_MEMBER_DATA_KEY, ...env });
  const log = pino({ level: env.LOG_LEVEL ?? 'info' }, sink);
  const api = await startApi({ config, log, databaseUrl, port: 0 });
  const url = api.server.url;
  return {
    ...api,
    async close() {
      await api.close();
      await fs.rm(mediaDir, { recursive: true, force: true });
    },
    mediaDir,
    url,
    baseUrl: url.replace(/\/graphql$/, ''),
    logs,
    gql: (query, variables, headers) => postGraphQL(url, { query, variables }, headers),
  };
}

export async function postGraphQL<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  let parsed: { data?: T; errors?: GraphQLResponse['errors'] } = {};
  try {
    parsed = JSON.parse(raw);
  } catch {
    // left empty: the test inspects `raw`
  }
  return { status: response.status, headers: response.headers, data: parsed.data, errors: parsed.errors, raw };
}
