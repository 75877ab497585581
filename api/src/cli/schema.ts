/**
 * `print` writes schema/schema.graphql from the code and the trusted documents' TypeScript types;
 * `check` fails when either has drifted, or when a document in schema/operations/ no longer
 * validates against the schema.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { RESOLVERS } from '../app.js';
import { printAppSchema, SCHEMA_FILE } from '../core/graphql/schema.js';
import { loadTrustedDocuments } from '../core/graphql/trusted-documents.js';
import { operationTypes } from '../core/graphql/operation-types.js';
import { REPO_ROOT } from '../core/config.js';

import { CliError, runCli } from './run.js';

const TYPES_FILE = path.join(REPO_ROOT, 'portals', 'src', 'lib', 'operations.generated.ts');

runCli(async () => {
  const mode = process.argv[2];
  const printed = await printAppSchema(RESOLVERS);
  if (mode === 'print') {
    await fs.mkdir(path.dirname(SCHEMA_FILE), { recursive: true });
    await fs.writeFile(SCHEMA_FILE, printed);
    console.log(`Wrote ${SCHEMA_FILE}`);
    await fs.writeFile(TYPES_FILE, operationTypes(buildSchema(printed), loadTrustedDocuments().values()));
    console.log(`Wrote ${TYPES_FILE}`);
    return;
  }
  if (mode === 'check') {
    const current = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (current !== printed) {
      console.error('schema/schema.graphql is out of date with the code. Run `pnpm schema:print` and commit the result.');
      return 1;
    }
    console.log('schema/schema.graphql matches the code.');
    const schema = buildSchema(printed);
    let invalid = 0;
    for (const [id, text] of loadTrustedDocuments()) {
      const name = text.match(/(?:query|mutation|subscription)\s+(\w+)/)?.[1] ?? id;
      for (const error of validate(schema, parse(text))) {
        console.error(`schema/operations (${name}…): ${error.message}`);
        invalid++;
      }
    }
    if (invalid) return 1;
    console.log(`The trusted documents in schema/operations/ validate against it.`);
    const types = await fs.readFile(TYPES_FILE, 'utf8').catch(() => '');
    if (types !== operationTypes(schema, loadTrustedDocuments().values())) {
      console.error('portals/src/lib/operations.generated.ts is out of date. Run `pnpm schema:print` and commit the result.');
      return 1;
    }
    console.log('The generated operation types are up to date.');
    return;
  }
  throw new CliError('usage: schema.ts print | check');
});
