/**
 * The module shape, read from the code: core imports no module (modules register through the one
 * list in app.ts), every module folder declares itself and is on that list, and each stands in its
 * own room with a glossary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../api/src/app.js';

const SRC = path.resolve(import.meta.dirname, '../../api/src');
const CORE = path.join(SRC, 'core');
const MODULES_DIR = path.join(SRC, 'modules');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file names: static imports and exports, `import()` and `declare module`. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const pattern of [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm, /\bdeclare\s+module\s+['"]([^'"]+)['"]/g]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

describe('core knows no module', () => {
  it('no file under api/src/core imports from api/src/modules', () => {
    const offences = filesUnder(CORE).flatMap((file) =>
      specifiers(file)
        .filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(MODULES_DIR + path.sep))
        .map((spec) => `${path.relative(SRC, file)} → ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('the check itself sees a module import when there is one', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-')), 'probe.ts');
    fs.writeFileSync(probe, `import x from '../modules/news/index.js';\nexport { y } from './z.js';\nconst m = await import('../modules/cases/index.js');\n`);
    try {
      // Resolved as if the probe stood in core/.
      expect(specifiers(probe).map((s) => path.resolve(CORE, s).startsWith(MODULES_DIR + path.sep))).toEqual([true, false, true]);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});

describe('every module declares itself once', () => {
  const folders = fs.readdirSync(MODULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('each folder under modules/ has an index.ts with defineModule, and is on the list in app.ts', () => {
    for (const folder of folders) {
      const index = path.join(MODULES_DIR, folder, 'index.ts');
      expect(fs.existsSync(index), `${folder}/index.ts`).toBe(true);
      expect(fs.readFileSync(index, 'utf8'), folder).toMatch(/export default defineModule\(/);
    }
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it('no entity is declared by two modules', () => {
    const seen = MODULES.flatMap((m) => (m.entities ?? []).map((e) => e.name));
    expect(seen.length).toBe(new Set(seen).size);
  });
});
