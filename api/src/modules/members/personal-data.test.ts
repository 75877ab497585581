import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPhone, newPersonalDataSecret, personalDataKeys } from './personal-data.js';

describe('personal data at rest', () => {
  const keys = personalDataKeys(newPersonalDataSecret());

  it('seals with AES-256-GCM: a fresh IV each time, and opens again', () => {
    const a = keys.seal('110105199003071234');
    const b = keys.seal('110105199003071234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1101051990');
    expect(keys.open(a)).toBe('110105199003071234');
    expect(keys.open(keys.seal('山东省济南市历下区泉城路1号'))).toBe('山东省济南市历下区泉城路1号');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = keys.seal('13800000001');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('13800000002').toString('base64url');
    expect(() => keys.open(parts.join('.'))).toThrow();
    expect(() => personalDataKeys(newPersonalDataSecret()).open(sealed)).toThrow();
    expect(() => personalDataKeys('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('hashes for lookup: stable under one key, different under another', () => {
    expect(keys.hash('110105199003071234')).toBe(keys.hash('110105199003071234'));
    expect(keys.hash('110105199003071234')).not.toBe(personalDataKeys(newPersonalDataSecret()).hash('110105199003071234'));
  });

  it('masks as the issue shows', () => {
    expect(maskIdNumber('370102198511200024')).toBe('3701**********0024');
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskAddress('山东省济南市历下区泉城路1号')).toBe('山东省济南市****');
  });
});
