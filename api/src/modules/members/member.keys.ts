/**
 * The personal-data keys of an API process. MEMBER_DATA_KEY (32 bytes, base64) is required in
 * production; elsewhere, without it, a key is generated once and kept beside the embedded
 * database's files (`<EMBEDDED_PG_DATA_DIR>.member-key`, mode 600), like its password.
 */
import fs from 'node:fs';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, type Config } from '../../core/config.js';
import { newPersonalDataSecret, personalDataKeys, type PersonalDataKeys } from './personal-data.js';

const keys = new WeakMap<object, PersonalDataKeys>();

export function keysFor(em: EntityManager): PersonalDataKeys {
  const found = keys.get(em.config);
  if (!found) throw new Error('member data keys are not loaded in this process');
  return found;
}

/** Where the embedded default keeps its key (used when MEMBER_DATA_KEY is not set). */
export const embeddedKeyFile = (config: Config) => `${config.embeddedPg.dataDir}.member-key`;

function secretFrom(config: Config): string {
  const configured = config.read.string('MEMBER_DATA_KEY');
  if (configured) return configured;
  if (config.env === 'production') throw new ConfigError('MEMBER_DATA_KEY must be set in production: 32 random bytes, base64 (e.g. `openssl rand -base64 32`).');
  const file = embeddedKeyFile(config);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = newPersonalDataSecret();
  fs.mkdirSync(new URL('.', `file://${file}`).pathname, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The keys the configuration names (or the embedded default's); a ConfigError if it is unusable. */
export function keysFromConfig(config: Config): PersonalDataKeys {
  try {
    return personalDataKeys(secretFrom(config));
  } catch (error) {
    throw error instanceof ConfigError ? error : new ConfigError(`MEMBER_DATA_KEY: ${(error as Error).message}`);
  }
}

/** Keys for code that runs before the API's job (the demo's seed): loaded once per ORM. */
export function ensureMemberKeys(em: EntityManager, config: Config): void {
  if (!keys.has(em.config)) keys.set(em.config, keysFromConfig(config));
}

export function loadMemberKeys(orm: MikroORM, config: Config): { stop(): Promise<void> } {
  keys.set(orm.config, keysFromConfig(config));
  return {
    async stop() {
      keys.delete(orm.config);
    },
  };
}
