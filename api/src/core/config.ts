/**
 * Configuration from environment variables, validated once at start-up.
 * A wrong value stops the process with a one-line message naming the variable (see cli/run.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Env = Record<string, string | undefined>;

export interface Config {
  env: 'development' | 'production' | 'test';
  /** A PostgreSQL URL; undefined means "run the embedded server". */
  databaseUrl: string | undefined;
  dbPoolMax: number;
  embeddedPg: { port: number; dataDir: string };
  api: { host: string; port: number };
  portals: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  shutdownTimeoutMs: number;
  schedulerIntervalMs: number;
  mediaDir: string;
  demoData: boolean;
  /** Which proxies' X-Forwarded-For to believe for the caller's address (Express `trust proxy`). */
  trustProxy: string | false;
  /** Points (query cost) per window; 0 turns a budget off. */
  rateLimits: { windowSeconds: number; anonymous: number; user: number; apiKey: number };
  /** `trusted`: anonymous callers may run only the portals' trusted documents. */
  anonymousDocuments: 'any' | 'trusted';
  /** Introspection and "did you mean" suggestions withheld from anonymous callers. */
  hideSchemaFromAnonymous: boolean;
  requestTimeoutMs: number;
  dbStatementTimeoutMs: number;
  /**
   * The environment the configuration was read from, for modules to read their own settings with
   * the same validation (one line naming the variable), so core lists no module's variables.
   */
  read: SettingsReader;
}

/** Typed, validated reads of one environment: what modules use for their own settings. */
export interface SettingsReader {
  string(name: string): string | undefined;
  integer(name: string, fallback: number, min: number, max: number): number;
  bool(name: string, fallback: boolean): boolean;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  /** An absolute URL with one of `protocols` (e.g. ['smtp:', 'smtps:']). */
  url(name: string, protocols: readonly string[]): URL | undefined;
}

export function settingsReader(env: Env): SettingsReader {
  return {
    string: (name) => read(env, name),
    integer: (name, fallback, min, max) => integer(env, name, fallback, min, max),
    bool: (name, fallback) => bool(env, name, fallback),
    oneOf: (name, allowed, fallback) => oneOf(env, name, allowed, fallback),
    url(name, protocols) {
      const raw = read(env, name);
      if (raw === undefined) return undefined;
      const url = parseUrl(name, raw, 'a URL');
      if (!protocols.includes(url.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${url.protocol}")`);
      return url;
    },
  };
}

function parseUrl(name: string, raw: string, kind: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be ${kind} (could not parse it)`);
  }
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  return integer(env, name, fallback, 1, 65535);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  const url = parseUrl(name, raw, 'a postgres:// URL');
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must be a postgres:// URL (got protocol "${url.protocol}")`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError(`${name} must name a database, e.g. postgres://user@host:5432/dangjian`);
  }
  return raw;
}

function host(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (!/^[A-Za-z0-9.:-]+$/.test(value)) throw new ConfigError(`${name} must be a host name or IP address (got "${value}")`);
  return value;
}

/** `loopback` (default: the portals and a local reverse proxy), `false`, or a list of addresses/CIDRs. */
function trustProxy(env: Env): string | false {
  const value = read(env, 'TRUST_PROXY') ?? 'loopback';
  if (['false', 'none', 'off', '0'].includes(value.toLowerCase())) return false;
  if (!/^[A-Za-z0-9.:/, -]+$/.test(value)) throw new ConfigError(`TRUST_PROXY must be loopback, false, or addresses/CIDRs separated by commas (got "${value}")`);
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  return {
    env: nodeEnv,
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    dbPoolMax: integer(env, 'DB_POOL_MAX', 10, 1, 500),
    embeddedPg: {
      port: port(env, 'EMBEDDED_PG_PORT', 54329),
      dataDir: path.resolve(REPO_ROOT, read(env, 'EMBEDDED_PG_DATA_DIR') ?? '.data/postgres'),
    },
    api: { host: host(env, 'API_HOST', '127.0.0.1'), port: port(env, 'API_PORT', 4000) },
    portals: { host: host(env, 'PORTALS_HOST', '127.0.0.1'), port: port(env, 'PORTALS_PORT', 4321) },
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], nodeEnv === 'test' ? 'silent' : 'info'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_MS', 5_000, 100, 3_600_000),
    mediaDir: path.resolve(REPO_ROOT, read(env, 'MEDIA_DIR') ?? '.data/media'),
    demoData: bool(env, 'DEMO_DATA', true),
    trustProxy: trustProxy(env),
    rateLimits: {
      windowSeconds: integer(env, 'RATE_WINDOW_SECONDS', 60, 1, 86_400),
      anonymous: integer(env, 'RATE_LIMIT_ANONYMOUS', 20_000, 0, 100_000_000),
      user: integer(env, 'RATE_LIMIT_USER', 50_000, 0, 100_000_000),
      apiKey: integer(env, 'RATE_LIMIT_API_KEY', 100_000, 0, 100_000_000),
    },
    anonymousDocuments: oneOf(env, 'ANONYMOUS_DOCUMENTS', ['any', 'trusted'], nodeEnv === 'production' ? 'trusted' : 'any'),
    hideSchemaFromAnonymous: bool(env, 'HIDE_SCHEMA_FROM_ANONYMOUS', nodeEnv === 'production'),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 600_000),
    read: settingsReader(env),
  };
}
