/**
 * The schema as API reference: graphql-schema-linter's default rules over schema/schema.graphql —
 * every type, field, argument, input field and enum value described, descriptions capitalised,
 * connections to the Relay spec. A change that adds something undescribed fails here.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/core/config.js';

const LINTER = path.join(REPO_ROOT, 'api', 'node_modules', '.bin', 'graphql-schema-linter');
const SCHEMA = path.join(REPO_ROOT, 'schema', 'schema.graphql');

describe('the schema against graphql-schema-linter’s default rules', () => {
  it('passes every rule', async () => {
    // The linter exits non-zero when it finds anything; its JSON report is on stdout either way.
    const { stdout } = await promisify(execFile)(LINTER, ['--format', 'json', SCHEMA], { maxBuffer: 20 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const { errors } = JSON.parse(stdout) as { errors: { message: string; rule: string; location: { line: number } }[] };
    expect(errors.map((e) => `schema.graphql:${e.location.line} ${e.message} (${e.rule})`)).toEqual([]);
  }, 60_000);
});
