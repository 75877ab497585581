/**
 * Resident identity card numbers (公民身份号码, GB 11643-1999): 6 digits of region, 8 of birth date
 * (YYYYMMDD), 3 of sequence — odd for men, even for women — and a check character computed by
 * ISO 7064 MOD 11-2 ('X' for 10). Checked here before anything is stored.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdNumberFacts {
  birthDate: string; // YYYY-MM-DD
  sex: 'MALE' | 'FEMALE';
}

/** The check character the first 17 digits call for. */
export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/** Upper-cased, without spaces: the form stored and hashed. */
export const normaliseIdNumber = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** What is wrong with an ID number (in words for the error), or its facts when it is valid. */
export function parseIdNumber(raw: string, today = new Date()): { ok: true; value: string; facts: IdNumberFacts } | { ok: false; reason: string } {
  const value = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'An ID number has 18 characters: 17 digits and a digit or X.' };
  const [y, m, d] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || y < 1900 || birth > today) {
    return { ok: false, reason: 'The ID number’s birth date (characters 7–14) is not a real date.' };
  }
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'The ID number’s check character (the 18th) does not match: it has a typing error.' };
  return { ok: true, value, facts: { birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`, sex: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE' } };
}

/** A mainland mobile number (11 digits starting 13–19), without spaces or dashes. */
export function parseMobile(raw: string): string | null {
  const value = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(value) ? value : null;
}
