/**
 * Argon2id password hashing with Node's own implementation (node:crypto, Node ≥ 24.7), stored as
 * a PHC string so parameters can be raised later without invalidating old hashes.
 * Parameters: OWASP's first recommendation (19 MiB, 2 passes, 1 lane).
 */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { badInput } from '../../core/graphql/errors.js';

const PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;

function derive(password: string, salt: Buffer, p: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2('argon2id', { message: password, nonce: salt, ...p }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS);
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!match) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = Buffer.from(hash!, 'base64');
  const actual = await derive(password, Buffer.from(salt!, 'base64'), {
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    tagLength: expected.length,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: verifying against it costs the same time as a real account. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$IsX2aMHHN7BuDpg5LwA5X5OuzPe7do5JgtUWYX4tGM0';

/** Rules for a new password: 10–128 characters, not only digits, not only letters. */
export function validateNewPassword(password: string, field = 'password'): void {
  if (password.length < 10) throw badInput('A password needs at least 10 characters.', field);
  if (password.length > 128) throw badInput('A password may have at most 128 characters.', field);
  if (/^\d+$/.test(password) || /^\p{L}+$/u.test(password)) throw badInput('A password must mix letters with digits or symbols.', field);
}
