/**
 * Where a CPU profile's time went, as text: self time by package (node_modules/<name>, the
 * project's own code by folder, Node itself) and the functions that took the most. For the
 * profiles `BENCH_PROFILE=1 pnpm bench` writes:
 *
 *   node --import @oxc-node/core/register api/src/bench/profile-summary.ts [file.cpuprofile] [top]
 *
 * Without a file it reads the newest in .data/bench/profiles/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.data/bench/profiles');

/** The package a script belongs to: node_modules/<name>, api/src/<folder>/<sub>, or what V8 calls it. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const inModules = url.split('/node_modules/').at(-1)!;
  if (inModules !== url) return inModules.startsWith('@') ? inModules.split('/').slice(0, 2).join('/') : inModules.split('/')[0]!;
  const own = /\/api\/src\/([^/]+)\/([^/]+)/.exec(url);
  return own ? `api/${own[1]}/${own[2]!.replace(/\.ts$/, '')}` : url;
}

function summarise(file: string, top: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    const pkg = packageOf(callFrame.url, callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
    const name = `${callFrame.functionName || '(anonymous)'}  ${pkg}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)} %`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`,
    '',
    'self time by package:',
    ...sorted(packages).map(([name, micros]) => `  ${share(micros)}  ${name}`),
    '',
    'self time by function:',
    ...sorted(functions).map(([name, micros]) => `  ${share(micros)}  ${name}`),
  ];
}

const [given, topArg] = process.argv.slice(2);
const file =
  given ??
  fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(DIR, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
if (!file) throw new Error(`No profile in ${DIR}: run BENCH_PROFILE=1 pnpm bench first.`);
process.stdout.write(`${summarise(file, Number(topArg ?? 25)).join('\n')}\n`);
