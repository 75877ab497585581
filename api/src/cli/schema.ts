/**
 * `print` writes schema/schema.graphql from the code; `check` fails when the file has drifted, or
 * when one of the trusted documents in schema/operations/ no longer validates against it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { printAppSchema, SCHEMA_FILE } from '../core/graphql/schema.js';
import { loadTrustedDocuments } from '../core/graphql/trusted-documents.js';
import { CliError, runCli } from './run.js';

runCli(async () => {
  const mode = process.argv[2];
  const printed = await printAppSchema();
  if (mode === 'print') {
    await fs.mkdir(path.dirname(SCHEMA_FILE), { recursive: true });
    await fs.writeFile(SCHEMA_FILE, printed);
    console.log(`Wrote ${SCHEMA_FILE}`);
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
    return;
  }
  throw new CliError('usage: schema.ts print | check');
});
