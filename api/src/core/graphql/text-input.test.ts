import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS, optionalLine, plainLine, plainText } from './text-input.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
  return null;
};

describe('plain text', () => {
  it('normalises to NFC, trims, and keeps line breaks as \\n', () => {
    expect(plainText('  第一段\r\n第二段\r第三段  ', 'body', 100)).toBe('第一段\n第二段\n第三段');
    expect(plainText('e\u0301', 'body', 10)).toBe('é');
  });

  it('refuses empty (when required), too long, and control characters, naming the field', () => {
    expect(refusal(() => plainText('   ', 'reason', 10, true))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(plainText('   ', 'reason', 10)).toBe('');
    expect(refusal(() => plainText('党'.repeat(11), 'reason', 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f']) expect(refusal(() => plainText(`a${c}b`, 'note', 10)), JSON.stringify(c)).toMatchObject({ field: 'note' });
    expect(plainText('a\tb', 'note', 10)).toBe('a\tb');
  });
});

describe('one line', () => {
  it('turns runs of white space, line breaks too, into one space', () => {
    expect(plainLine(' 采油一队\n\t党支部  ', 'name', 50)).toBe('采油一队 党支部');
    expect(optionalLine('  ', 'contact', 10)).toBeNull();
  });

  it('refuses what plain text refuses', () => {
    expect(refusal(() => plainLine('x\u0000', 'name', 10))).toMatchObject({ field: 'name' });
    expect(CONTROL_CHARACTERS.test('\n')).toBe(false);
  });
});
