/**
 * Plain-text inputs — names, titles, tags, notes, reasons, comments, feedback: one set of rules,
 * one set of messages, one set of forbidden characters, for every module.
 *   - NFC-normalised and trimmed;
 *   - C0 control characters and DEL are refused (tab, line feed and carriage return are the only
 *     ones text may hold; a single line turns them into spaces);
 *   - BAD_USER_INPUT naming `field` when empty (if required), too long, or holding a control.
 */
import { badInput } from './errors.js';

/** Forbidden everywhere: C0 controls but tab, LF and CR; and DEL. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checked(value: string, field: string, max: number, required: boolean): string {
  if (required && !value) throw badInput(`The ${field} must not be empty.`, field);
  if (value.length > max) throw badInput(`The ${field} must be at most ${max} characters.`, field);
  if (CONTROL_CHARACTERS.test(value)) throw badInput(`The ${field} must not contain control characters.`, field);
  return value;
}

/** Text that may run over several lines (line breaks kept, as `\n`). */
export function plainText(raw: string | null | undefined, field: string, max: number, required = false): string {
  return checked((raw ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim(), field, max, required);
}

/** One line — a name, a title, a tag: runs of white space (line breaks too) become one space. */
export function plainLine(raw: string | null | undefined, field: string, max: number, required = false): string {
  return checked((raw ?? '').normalize('NFC').replace(/[\t\n\r ]+/g, ' ').replace(/\s+/g, ' ').trim(), field, max, required);
}

/** An optional line: null when empty. */
export const optionalLine = (raw: string | null | undefined, field: string, max: number): string | null => plainLine(raw, field, max) || null;
