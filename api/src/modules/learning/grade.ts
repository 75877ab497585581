/**
 * Grading (DOMAIN-RULES §8): each question right or wrong against its key — a single choice, the
 * exact set of a multiple choice, true or false, a fill-in matching any accepted answer (spaces,
 * full-width forms and letter case aside) — and the total normalised to 100. Pure.
 */
import { LETTERS, QuestionType } from './question-types.js';

/** A fill-in answer as compared: NFKC (full-width to half-width), no spaces, lower case. */
export const normaliseFill = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Whether `given` answers the question with key `key` (letters for choices, TRUE/FALSE, accepted texts). */
export function isCorrect(type: QuestionType, key: readonly string[], given: readonly string[] | null): boolean {
  if (!given || given.length === 0) return false;
  switch (type) {
    case QuestionType.SINGLE:
    case QuestionType.TRUE_FALSE:
      return given.length === 1 && given[0] === key[0];
    case QuestionType.MULTIPLE: {
      const a = [...new Set(given)].sort();
      const b = [...key].sort();
      return a.length === b.length && a.every((x, i) => x === b[i]);
    }
    case QuestionType.FILL:
      return given.length === 1 && key.some((k) => normaliseFill(k) === normaliseFill(given[0]!));
  }
}

/** Checks an answer's shape for the question (letters among its options, one of TRUE/FALSE, one text). */
export function answerShape(type: QuestionType, optionCount: number, given: readonly string[]): string | null {
  const letters = LETTERS.slice(0, optionCount) as readonly string[];
  if (given.length === 0) return null; // an empty answer clears it
  switch (type) {
    case QuestionType.SINGLE:
      return given.length === 1 && letters.includes(given[0]!) ? null : 'One of the options.';
    case QuestionType.MULTIPLE:
      return given.every((g) => letters.includes(g)) && new Set(given).size === given.length ? null : 'Options of the question, each once.';
    case QuestionType.TRUE_FALSE:
      return given.length === 1 && (given[0] === 'TRUE' || given[0] === 'FALSE') ? null : 'TRUE or FALSE.';
    case QuestionType.FILL:
      return given.length === 1 && given[0]!.length <= 200 ? null : 'One answer of at most 200 characters.';
  }
}

export interface GradedItem {
  points: number;
  earned: number;
}

/** The score out of 100, to one decimal. */
export function scoreOf(items: readonly GradedItem[]): number {
  const total = items.reduce((n, i) => n + i.points, 0);
  if (total === 0) return 0;
  return Math.round((items.reduce((n, i) => n + i.earned, 0) * 1000) / total) / 10;
}
