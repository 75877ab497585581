/**
 * member-keys rotate — re-seals members' personal data under a new MEMBER_DATA_KEY.
 *   With MEMBER_DATA_KEY set: give the new key as MEMBER_DATA_KEY_NEW; afterwards set
 *   MEMBER_DATA_KEY to it. Without (the embedded default): a new key is generated and written
 *   beside the database files, the old one kept as `.member-key.old`.
 * Stop the API first: a process still holding the old key would write what the new one cannot read.
 */
import fs from 'node:fs';
import { openAppOrm } from '../app.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/log.js';
import { rotateMemberKeys } from '../modules/members/key-rotation.js';
import { embeddedKeyFile, keysFromConfig } from '../modules/members/member.keys.js';
import { newPersonalDataSecret, personalDataKeys } from '../modules/members/personal-data.js';
import { withDatabase } from './database.js';
import { CliError, runCli } from './run.js';

const log = createLogger('warn');

runCli(async () => {
  if (process.argv[2] !== 'rotate') throw new CliError('usage: member-keys rotate');
  const config = loadConfig();
  const from = keysFromConfig(config);
  const configured = config.read.string('MEMBER_DATA_KEY');
  const secret = process.env.MEMBER_DATA_KEY_NEW ?? (configured ? null : newPersonalDataSecret());
  if (!secret) throw new CliError('Set MEMBER_DATA_KEY_NEW to the new key (32 random bytes, base64: `openssl rand -base64 32`); MEMBER_DATA_KEY stays the current one for this run.');
  let to;
  try {
    to = personalDataKeys(secret);
  } catch (error) {
    throw new CliError(`MEMBER_DATA_KEY_NEW: ${(error as Error).message}`);
  }
  const report = await withDatabase(config, log, async (databaseUrl) => {
    const orm = await openAppOrm({ databaseUrl, log });
    try {
      return await rotateMemberKeys(orm.em.fork(), from, to);
    } finally {
      await orm.close();
    }
  });
  if (!configured) {
    const file = embeddedKeyFile(config);
    fs.copyFileSync(file, `${file}.old`);
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  process.stdout.write(
    `Re-sealed ${report.members} member records, ${report.applicants} applicants and ${report.imports} staged rosters.\n` +
      (configured ? 'Now set MEMBER_DATA_KEY to the new key (MEMBER_DATA_KEY_NEW) and start the API.\n' : `The new key is in ${embeddedKeyFile(config)} (the old one beside it, .old).\n`),
  );
});
