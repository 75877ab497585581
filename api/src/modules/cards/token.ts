/**
 * The card's QR token: `1.<card id>.<key id>.<expires YYYYMMDD>.<Ed25519 signature>`, base64url —
 * short enough for a small QR code. Pure: keys come from the caller.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface TokenClaims {
  cardId: number;
  keyId: string;
  expiresOn: string;
}

const signed = (c: TokenClaims) => `1.${c.cardId}.${c.keyId}.${c.expiresOn.replaceAll('-', '')}`;

export function signToken(claims: TokenClaims, privateKey: KeyObject): string {
  return `${signed(claims)}.${sign(null, Buffer.from(signed(claims)), privateKey).toString('base64url')}`;
}

/** The claims, if the token is well formed (the signature is checked by `verifySignature`). */
export function parseToken(token: string): (TokenClaims & { signature: Buffer }) | null {
  const parts = token.trim().split('.');
  if (parts.length !== 5 || parts[0] !== '1') return null;
  const [, id, keyId, expires, signature] = parts as [string, string, string, string, string];
  if (!/^\d{1,10}$/.test(id) || !/^[A-Za-z0-9_-]{1,16}$/.test(keyId) || !/^\d{8}$/.test(expires) || !/^[A-Za-z0-9_-]{80,90}$/.test(signature)) return null;
  return { cardId: Number(id), keyId, expiresOn: `${expires.slice(0, 4)}-${expires.slice(4, 6)}-${expires.slice(6)}`, signature: Buffer.from(signature, 'base64url') };
}

export function verifySignature(claims: TokenClaims & { signature: Buffer }, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(signed(claims)), publicKey, claims.signature);
  } catch {
    return false;
  }
}

export function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

export const publicKeyFrom = (spkiBase64: string) => createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
export const privateKeyFrom = (pkcs8Base64: string) => createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' });
