import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS entry for everyone (it ignores the `module` field); Vite would
// hand our source the ESM build instead, and two graphql instances reject each other's schema
// objects. Resolve it the way Node does, so tests run what production runs.
const fromApi = createRequire(fileURLToPath(new URL('./api/package.json', import.meta.url)));

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: fromApi.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts', 'api/src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each test file gets its own database copied from a template, so files run in parallel.
    pool: 'forks',
    // Most of a suite's time is waiting on PostgreSQL, sockets and child processes: two files at
    // a time keep both cores busy (one worker per core left the second idle).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
  },
});
