/** Configuration: validated at start-up; a bad value stops the process with one line naming it. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/core/config.js';
import { runEntry } from '../support/processes.js';

describe('loadConfig', () => {
  it('has working defaults: embedded database, API on 4000, portals on 4321', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.api).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.portals).toEqual({ host: '127.0.0.1', port: 4321 });
    expect(config.embeddedPg.port).toBe(54329);
    expect(config.embeddedPg.dataDir).toMatch(/\.data\/postgres$/);
    expect(config.demoData).toBe(true);
  });

  it.each([
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['PORTALS_PORT', '-1'],
    ['EMBEDDED_PG_PORT', '5432.5'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'postgres://localhost:5432'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['DB_POOL_MAX', '0'],
    ['API_HOST', 'bad host!'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', API_PORT: ' ' }).api.port).toBe(4000);
  });
});

describe('a process with bad configuration', () => {
  it.each([
    [{ API_PORT: 'abc', DATABASE_URL: 'postgres://127.0.0.1:1/x' }, /^Configuration error: API_PORT must be an integer from 1 to 65535 \(got "abc"\)\n$/],
    [{ DATABASE_URL: 'mysql://127.0.0.1/x' }, /^Configuration error: DATABASE_URL must be a postgres:\/\/ URL \(got protocol "mysql:"\)\n$/],
    [{}, /^Configuration error: DATABASE_URL is required for `serve`/],
  ])('exits 1 with one line on stderr and no stack trace (%o)', async (env, message) => {
    const proc = runEntry('src/main.ts', env);
    const { code } = await proc.exited;
    expect(code).toBe(1);
    expect(proc.output()).toMatch(message);
    expect(proc.output().trim().split('\n')).toHaveLength(1);
    expect(proc.output()).not.toMatch(/\n\s+at /);
  });
});
