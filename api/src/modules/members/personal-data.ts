/**
 * Personal data at rest (个人信息保护法): ID numbers, phones and addresses are encrypted with
 * AES-256-GCM under a key from configuration (MEMBER_DATA_KEY; the embedded default keeps one
 * beside the database files); an ID number is found by a keyed hash (HMAC-SHA256 under a key
 * derived from the same secret), never by decrypting a table. Shown masked unless the caller may
 * see it whole.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface PersonalDataKeys {
  /** Encrypts and decrypts. */
  seal(plain: string): string;
  open(sealed: string): string;
  /** The lookup hash of a normalised value. */
  hash(value: string): string;
}

/** Keys from a 32-byte secret (base64). Separate keys for encryption and hashing (HKDF). */
export function personalDataKeys(secretBase64: string): PersonalDataKeys {
  const secret = Buffer.from(secretBase64, 'base64');
  if (secret.length !== 32) throw new Error('MEMBER_DATA_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const encryption = derive('dangjian member data: AES-256-GCM');
  const hashing = derive('dangjian member data: lookup HMAC');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryption, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      // v1.<iv>.<tag>.<ciphertext>, base64url: self-describing, so keys can be rotated later.
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not sealed personal data');
      const decipher = createDecipheriv('aes-256-gcm', encryption, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    hash: (value) => createHmac('sha256', hashing).update(value).digest('hex'),
  };
}

export const newPersonalDataSecret = () => randomBytes(32).toString('base64');

/** 3701**********1234: the first 4 and the last 4 characters. */
export const maskIdNumber = (value: string) => `${value.slice(0, 4)}${'*'.repeat(Math.max(value.length - 8, 0))}${value.slice(-4)}`;
/** 138****0001. */
export const maskPhone = (value: string) => (value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****');
/** The first six characters (province, city), the rest hidden. */
export const maskAddress = (value: string) => `${[...value].slice(0, 6).join('')}****`;
