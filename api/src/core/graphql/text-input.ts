/** Plain-text inputs (notes, reasons, purposes, comments): one set of rules, one set of messages. */
import { badInput } from './errors.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** NFC-normalised and trimmed; BAD_USER_INPUT naming `field` when empty (if required), too long or holding control characters. */
export function plainText(raw: string | null | undefined, field: string, max: number, required = false): string {
  const value = (raw ?? '').normalize('NFC').trim();
  if (required && !value) throw badInput(`The ${field} must not be empty.`, field);
  if (value.length > max) throw badInput(`The ${field} must be at most ${max} characters.`, field);
  if (CONTROL.test(value)) throw badInput(`The ${field} must not contain control characters.`, field);
  return value;
}
