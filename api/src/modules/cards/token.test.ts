import { describe, expect, it } from 'vitest';
import { newKeyPair, parseToken, privateKeyFrom, publicKeyFrom, signToken, verifySignature } from './token.js';

describe('card tokens', () => {
  const pair = newKeyPair();
  const token = signToken({ cardId: 42, keyId: 'k1', expiresOn: '2029-11-30' }, privateKeyFrom(pair.privateKey));

  it('round-trips and verifies', () => {
    const parsed = parseToken(token)!;
    expect(parsed).toMatchObject({ cardId: 42, keyId: 'k1', expiresOn: '2029-11-30' });
    expect(verifySignature(parsed, publicKeyFrom(pair.publicKey))).toBe(true);
    expect(token.length).toBeLessThan(110);
  });

  it('refuses an altered claim, another key, and junk', () => {
    expect(verifySignature(parseToken(token.replace('.42.', '.43.'))!, publicKeyFrom(pair.publicKey))).toBe(false);
    expect(verifySignature(parseToken(token.replace('20291130', '20391130'))!, publicKeyFrom(pair.publicKey))).toBe(false);
    expect(verifySignature(parseToken(token)!, publicKeyFrom(newKeyPair().publicKey))).toBe(false);
    expect(parseToken('hello')).toBeNull();
    expect(parseToken(`${token}.x`)).toBeNull();
  });
});
