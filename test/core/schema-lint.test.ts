/**
 * The schema as API reference: graphql-schema-linter's default rules over schema/schema.graphql.
 * Rules at zero (the Relay connection spec, capitalised descriptions…) must stay there; the rules
 * with gaps left may not grow past schema/lint-baseline.json, and the baseline must be lowered when
 * descriptions are written — so every change leaves the reference at least as complete.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/core/config.js';

const LINTER = path.join(REPO_ROOT, 'api', 'node_modules', '.bin', 'graphql-schema-linter');
const SCHEMA = path.join(REPO_ROOT, 'schema', 'schema.graphql');
const BASELINE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema', 'lint-baseline.json'), 'utf8')) as { rules: Record<string, number> };

async function lint(): Promise<{ message: string; rule: string }[]> {
  // The linter exits non-zero when it finds anything; its JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(LINTER, ['--format', 'json', SCHEMA], { maxBuffer: 20 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { errors: { message: string; rule: string }[] }).errors;
}

describe('the schema against graphql-schema-linter’s default rules', () => {
  it('keeps the rules at zero there, and the gaps of the others within the baseline (which only goes down)', async () => {
    const errors = await lint();
    const counts: Record<string, number> = {};
    for (const e of errors) counts[e.rule] = (counts[e.rule] ?? 0) + 1;
    const beyond = errors.filter((e) => !(e.rule in BASELINE.rules)).map((e) => `${e.rule}: ${e.message}`);
    expect(beyond, 'rules that were at zero').toEqual([]);
    for (const [rule, allowed] of Object.entries(BASELINE.rules)) {
      const found = counts[rule] ?? 0;
      expect(found, `${rule}: describe what you added (${found} gaps, the baseline allows ${allowed})`).toBeLessThanOrEqual(allowed);
      expect(found, `${rule}: ${allowed - found} gaps closed — lower schema/lint-baseline.json to ${found}`).toBe(allowed);
    }
  }, 60_000);
});
