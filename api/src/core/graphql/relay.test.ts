import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, expectGlobalId, fromGlobalId, toGlobalId } from './relay.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'OK';
};

describe('global ids and cursors', () => {
  it('round-trips global ids, and refuses another type or a forged id', () => {
    const id = toGlobalId('Organization', 42);
    expect(fromGlobalId(id)).toEqual({ type: 'Organization', id: 42 });
    expect(expectGlobalId(id, 'Organization')).toBe(42);
    expect(codeOf(() => expectGlobalId(id, 'User'))).toBe('BAD_USER_INPUT');
    for (const forged of ['', 'abc', toGlobalId('Organization', 'x'), Buffer.from('Organization:-1').toString('base64url')]) {
      expect(codeOf(() => expectGlobalId(forged, 'Organization')), forged).toBe('BAD_USER_INPUT');
    }
  });

  it('round-trips keyset cursors of the declared shape and refuses others', () => {
    const cursor = encodeCursor(['2026-11-30T00:00:00.000Z', 17]);
    expect(decodeCursor(cursor, ['string', 'number'])).toEqual(['2026-11-30T00:00:00.000Z', 17]);
    expect(codeOf(() => decodeCursor(cursor, ['number']))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor('not-a-cursor', ['number']))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(encodeCursor(['x']), ['number']))).toBe('BAD_USER_INPUT');
  });
});
