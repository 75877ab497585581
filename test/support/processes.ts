/** Running the project's entry points as real processes, on the same Node as the tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../api/src/core/config.js';

export const API_DIR = path.join(REPO_ROOT, 'api');

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches, rejects if the process exits first or time runs out. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs an api/src entry (TypeScript, through the oxc loader) with exactly the given environment. */
export function runEntry(entry: string, env: Record<string, string>): Spawned {
  // A test key for member data, unless the test gives one (never the repository's .data key).
  return runNode(['--import', '@oxc-node/core/register', entry], API_DIR, { MEMBER_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });
}

/** Runs Node (the tests' own) with `args` in `cwd`, with only PATH, HOME and `env` in its environment. */
export function runNode(args: string[], cwd: string, env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so a test can signal the group like a terminal's Ctrl-C does.
    detached: true,
  });
  let out = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output:\n${out}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        exited.then(() => {
          if (!pattern.test(out)) {
            cleanup();
            reject(new Error(`process exited before ${pattern}; output:\n${out}`));
          }
        });
        check();
      });
    },
  };
}
