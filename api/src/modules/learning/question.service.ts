/**
 * The question bank: questions written (or imported) by the admins who keep learning at an
 * organisation, checked by type — a choice has 2–8 options and a key among them, a multiple
 * choice at least two keys, a fill-in one or several accepted answers. Withdrawn, never deleted:
 * papers already drawn keep their questions.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { Organization } from '../organizations/organization.entity.js';
import { questionReadFilter } from './learning.access.js';
import { Question } from './learning.entity.js';
import { Difficulty, Dimension, LETTERS, QuestionType } from './question-types.js';

export interface QuestionInput {
  organizationId: number;
  type: QuestionType;
  stem: string;
  options?: string[] | null;
  answer: string[];
  dimension: Dimension;
  topic: string;
  difficulty?: Difficulty | null;
  explanation?: string | null;
  source?: string | null;
  /** Partner enterprises draw it too. */
  sharedWithPartners?: boolean | null;
}

/** The question's fields checked and cleaned, or the first thing wrong with them (the field named). */
export function checkQuestion(input: Omit<QuestionInput, 'organizationId'>): Omit<QuestionInput, 'organizationId'> {
  const stem = plainText(input.stem, 'stem', 1000, true);
  const options = (input.options ?? []).map((o, i) => plainLine(o, `options.${i}`, 200, true));
  const topic = plainLine(input.topic, 'topic', 50, true);
  const explanation = plainText(input.explanation, 'explanation', 1000) || null;
  const source = plainLine(input.source, 'source', 200) || null;
  const answer = input.answer.map((a) => a.trim()).filter(Boolean);
  const letters = LETTERS.slice(0, options.length) as readonly string[];
  switch (input.type) {
    case QuestionType.SINGLE:
    case QuestionType.MULTIPLE:
      if (options.length < 2 || options.length > LETTERS.length) throw badInput(`A choice question has 2 to ${LETTERS.length} options.`, 'options');
      if (answer.some((a) => !letters.includes(a)) || new Set(answer).size !== answer.length) throw badInput('The key is letters of the options, each once.', 'answer');
      if (input.type === QuestionType.SINGLE && answer.length !== 1) throw badInput('A single choice has one key.', 'answer');
      if (input.type === QuestionType.MULTIPLE && answer.length < 2) throw badInput('A multiple choice has at least two keys.', 'answer');
      break;
    case QuestionType.TRUE_FALSE:
      if (options.length) throw badInput('A true/false question has no options.', 'options');
      if (answer.length !== 1 || (answer[0] !== 'TRUE' && answer[0] !== 'FALSE')) throw badInput('The key is TRUE or FALSE.', 'answer');
      break;
    case QuestionType.FILL:
      if (options.length) throw badInput('A fill-in question has no options.', 'options');
      if (answer.length < 1 || answer.length > 10 || answer.some((a) => a.length > 200)) throw badInput('One to ten accepted answers, each at most 200 characters.', 'answer');
      break;
  }
  return { type: input.type, stem, options, answer: input.type === QuestionType.MULTIPLE ? [...answer].sort() : answer, dimension: input.dimension, topic, difficulty: input.difficulty ?? Difficulty.MEDIUM, explanation, source, sharedWithPartners: !!input.sharedWithPartners };
}

export async function createQuestion(em: EntityManager, actor: Actor, input: QuestionInput): Promise<Question> {
  const me = requireUser(actor.viewer);
  const clean = checkQuestion(input);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    const question = tx.create(Question, { ...clean, enterprise: org.enterprise.id, organization: org, createdBy: me.userId } as never) as Question;
    await tx.flush();
    return question;
  });
}

export async function withdrawQuestion(em: EntityManager, actor: Actor, id: number): Promise<Question> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const access = questionReadFilter(actor);
    const question = access ? await tx.findOne(Question, { $and: [{ id }, access] }) : null;
    if (!question) throw new AppError(ErrorCode.NOT_FOUND, 'The question does not exist.');
    question.active = false;
    await tx.flush();
    return question;
  });
}
