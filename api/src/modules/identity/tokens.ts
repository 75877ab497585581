/**
 * Secrets handed to clients: session tokens (`djs_…`) and API keys (`djk_…`). Only their SHA-256
 * is stored; a database leak does not leak usable credentials.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_PREFIX = 'djs_';
export const API_KEY_PREFIX = 'djk_';

export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Accepts only well-formed secrets, so junk never reaches the database. */
export function isWellFormed(secret: string, prefix: string): boolean {
  return secret.length === prefix.length + 43 && secret.startsWith(prefix) && /^[A-Za-z0-9_-]+$/.test(secret.slice(prefix.length));
}
