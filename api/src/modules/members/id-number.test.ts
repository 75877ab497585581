import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdNumber, parseMobile } from './id-number.js';

// Fictional numbers built for tests: region 110105, a date, a sequence, and the right check character.
const make = (first17: string) => `${first17}${checkCharacter(first17)}`;

describe('ID numbers (GB 11643)', () => {
  it('accepts a valid number and reads its birth date and sex', () => {
    const man = make('11010519900307123');
    expect(parseIdNumber(man)).toEqual({ ok: true, value: man, facts: { birthDate: '1990-03-07', sex: 'MALE' } });
    const woman = make('37010219851120002');
    expect(parseIdNumber(` ${woman.toLowerCase()} `)).toMatchObject({ ok: true, facts: { birthDate: '1985-11-20', sex: 'FEMALE' } });
  });

  it('computes X as the check character for 10', () => {
    // Find a first-17 whose check character is X, and accept it in lower case too.
    let first17 = '';
    for (let seq = 100; seq < 999 && !first17; seq++) if (checkCharacter(`11010519900307${seq}`) === 'X') first17 = `11010519900307${seq}`;
    expect(parseIdNumber(`${first17}x`)).toMatchObject({ ok: true, value: `${first17}X` });
  });

  it('refuses a wrong check digit, an impossible date, and the wrong length, saying which', () => {
    const good = make('11010519900307123');
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(parseIdNumber(wrong)).toMatchObject({ ok: false, reason: expect.stringMatching(/check character/) });
    expect(parseIdNumber(make('11010519900230123'))).toMatchObject({ ok: false, reason: expect.stringMatching(/birth date/) });
    expect(parseIdNumber(make('11010530000101123'))).toMatchObject({ ok: false, reason: expect.stringMatching(/birth date/) });
    expect(parseIdNumber('1101051990030712')).toMatchObject({ ok: false, reason: expect.stringMatching(/18 characters/) });
  });
});

describe('mobile numbers', () => {
  it('accepts mainland mobiles in common spellings, refuses others', () => {
    expect(parseMobile('138 0000 0001')).toBe('13800000001');
    expect(parseMobile('+86 139-0000-0002')).toBe('13900000002');
    for (const bad of ['12800000001', '1380000000', '010-12345678', 'abc']) expect(parseMobile(bad), bad).toBeNull();
  });
});
