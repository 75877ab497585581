/**
 * Throwaway PostgreSQL for tests and migration checks: a temporary embedded server on a free port,
 * or, when `TEST_DATABASE_URL` names a server, fresh databases on that server. Either way every
 * database made here is dropped (or the whole server removed) by `dispose()`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ThrowawayServer {
  /** Creates an empty database (or a copy of `template`) and returns its URL. */
  createDatabase(prefix: string, template?: string): Promise<{ name: string; url: string }>;
  dropDatabase(name: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayServer(externalUrl = process.env.TEST_DATABASE_URL): Promise<ThrowawayServer> {
  let serverUrl: string;
  let stop: () => Promise<void> = async () => {};
  if (externalUrl) {
    serverUrl = externalUrl;
  } else {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-pg-'));
    await fs.chmod(parent, 0o711); // traversable by the postgres OS user when we run as root
    const dataDir = path.join(parent, 'data');
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = server.serverUrl;
    stop = async () => {
      await server.stop();
      await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
      await fs.rm(`${dataDir}.password`, { force: true });
    };
  }
  const created = new Set<string>();
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const urlFor = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const dropDatabase = async (name: string) => {
    await admin((c) => c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`));
    created.delete(name);
  };
  return {
    dropDatabase,
    async createDatabase(prefix, template) {
      const name = `${prefix}_${randomBytes(5).toString('hex')}`;
      await admin((c) =>
        c.query(`create database ${pg.escapeIdentifier(name)}${template ? ` template ${pg.escapeIdentifier(template)}` : ''}`),
      );
      created.add(name);
      return { name, url: urlFor(name) };
    },
    async dispose() {
      if (externalUrl) for (const name of [...created]) await dropDatabase(name);
      await stop();
    },
  };
}
