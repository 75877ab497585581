/**
 * Once per `pnpm test`: a throwaway PostgreSQL (embedded unless TEST_DATABASE_URL is given), two
 * template databases — `empty` (migrated) and `demo` (migrated + demo data) — and a fresh build of
 * the portals. Test files copy a template into a database of their own (see database.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../api/src/core/log.js';
import { openAppOrm } from '../../api/src/app.js';
import { migrateUp } from '../../api/src/core/db/migrations.js';
import { startThrowawayServer } from '../../api/src/core/db/throwaway.js';
import { seedDemoData } from '../../api/src/demo/seed.js';
import { ensureGraphiql } from '../../api/src/core/http/graphiql/build.js';
import { loadConfig, REPO_ROOT } from '../../api/src/core/config.js';
import { TEST_MEMBER_DATA_KEY } from './api.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { templates: Record<'empty' | 'demo', string>; adminUrl: string };
  }
}

export default async function setup(project: TestProject) {
  const log = createLogger('silent');
  const server = await startThrowawayServer();
  const templates = {} as Record<'empty' | 'demo', string>;
  let adminUrl = '';
  for (const kind of ['empty', 'demo'] as const) {
    const db = await server.createDatabase(`dangjian_template_${kind}`);
    const orm = await openAppOrm({ databaseUrl: db.url, log });
    try {
      await migrateUp(orm);
      if (kind === 'demo') await seedDemoData(orm, loadConfig({ NODE_ENV: 'test', MEMBER_DATA_KEY: TEST_MEMBER_DATA_KEY }));
    } finally {
      await orm.close();
    }
    templates[kind] = db.name;
    const url = new URL(db.url);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  }
  project.provide('pg', { templates, adminUrl });

  execFileSync('pnpm', ['--filter', '@dangjian/portals', 'build'], { cwd: path.join(REPO_ROOT), stdio: 'ignore' });
  await ensureGraphiql();

  return async () => {
    await server.dispose();
  };
}
