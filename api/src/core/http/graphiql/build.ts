/**
 * Bundles GraphiQL for offline use: the `graphiql` package, React and Monaco's three workers (editor,
 * JSON, GraphQL) into `api/dist/graphiql/` with esbuild — served by the API itself, so the IDE works
 * with no internet. Run by `pnpm start` and by the tests' global setup (when the bundle is missing
 * or older than this file).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../config.js';

export const GRAPHIQL_DIR = path.join(REPO_ROOT, 'api', 'dist', 'graphiql');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(HERE, 'entry.browser.js');
const STAMP = path.join(GRAPHIQL_DIR, '.built');

/** Monaco and its GraphQL worker are dependencies of @graphiql/react: resolve them from there. */
function workerEntries(): Record<string, string> {
  const fromApi = createRequire(path.join(REPO_ROOT, 'api', 'package.json'));
  const fromGraphiql = createRequire(fromApi.resolve('graphiql/package.json'));
  const fromReact = createRequire(fromGraphiql.resolve('@graphiql/react/package.json'));
  return {
    'editor.worker': fromReact.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': fromReact.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': createRequire(fromReact.resolve('monaco-graphql/package.json')).resolve('monaco-graphql/esm/graphql.worker.js'),
  };
}

/** True when a bundle exists that is at least as new as the entry and this file. */
export function graphiqlBuilt(): boolean {
  try {
    const built = fs.statSync(STAMP).mtimeMs;
    return built >= fs.statSync(ENTRY).mtimeMs && built >= fs.statSync(fileURLToPath(import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

export async function buildGraphiql(): Promise<void> {
  fs.rmSync(GRAPHIQL_DIR, { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'esm' as const,
    target: 'es2022',
    outdir: GRAPHIQL_DIR,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.ttf': 'file' as const },
    logLevel: 'warning' as const,
    absWorkingDir: path.join(REPO_ROOT, 'api'),
  };
  await build({ ...common, entryPoints: { graphiql: ENTRY } });
  await build({ ...common, entryPoints: workerEntries() });
  fs.writeFileSync(STAMP, new Date().toISOString());
}

/** Builds the bundle unless an up-to-date one is there. */
export async function ensureGraphiql(): Promise<void> {
  if (!graphiqlBuilt()) await buildGraphiql();
}
