/**
 * Surveys and votes (问卷调查 / 投票, issue #18 item 2): set up by an organisation's admins for its
 * members or the whole enterprise, named or anonymous, with a window. One answer per person,
 * enforced by a receipt (`survey_receipt`'s key) that says only that someone answered; an anonymous
 * response holds no member and no time. Results to the owners, and to respondents after the close
 * when the owner chose so.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { AppError, badInput, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';

import { chinaToday, ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { Survey, SurveyAudience, SurveyQuestion, SurveyQuestionKind, SurveyReceipt, SurveyResponse, SurveyTokenUse, SurveyUserReceipt } from './survey.entity.js';
import { keysFor } from '../members/member.keys.js';

const SOURCE = 'issue #18 §2（每人限答一次；匿名问卷的答卷不与答卷人关联）';
const PUBLIC_SOURCE = 'issue #18 §2（公开问卷防刷票：每个账号一次；匿名公开问卷限每个网络地址每日份数，并须使用随表单签发的一次性令牌）';

/** The members a survey is for, in SQL over `member m` and `organization o` (its organisation), for a survey aliased `s`. */
const AUDIENCE = (s: string) =>
  `(${s}.audience = 'ENTERPRISE' and m.enterprise_id = ${s}.enterprise_id) or (${s}.audience = 'MEMBERS' and mo.path like (select path from organization where id = ${s}.organization_id) || '%')`;

/**
 * The surveys the caller reads: those of organisations whose life it reads, those it is asked to
 * answer, and — unless `listing` (the workspace lists one's own) — every public one (its portal shows it).
 */
export function surveyReadFilter(actor: Actor, listing = false): FilterQuery<Survey> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readOrganizationalLife', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Survey>[] = listing ? [] : [{ audience: SurveyAudience.PUBLIC }];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Survey>);
  if (actor.viewer.kind === 'user') {
    parts.push({
      [raw((a: string) => `exists (select 1 from member m join organization mo on mo.id = m.organization_id where m.user_id = ? and m.status = 'NORMAL' and (${AUDIENCE(a)}))`, [actor.viewer.userId])]: true,
    } as FilterQuery<Survey>);
  }
  return parts.length ? { $or: parts } : null;
}

export interface SurveyInput {
  organizationId: number;
  title: string;
  description?: string | null;
  audience: SurveyAudience;
  anonymous: boolean;
  opensAt: Date;
  closesAt: Date;
  resultsToRespondents?: boolean | null;
  perAddressLimit?: number | null;
  questions: { kind: SurveyQuestionKind; prompt: string; options?: string[] | null; required?: boolean | null }[];
}

export async function createSurvey(em: EntityManager, actor: Actor, input: SurveyInput): Promise<Survey> {
  const me = requireUser(actor.viewer);
  const title = plainLine(input.title, 'title', 200, true);
  const description = plainText(input.description, 'description', 2000);
  if (Number.isNaN(input.opensAt.getTime()) || Number.isNaN(input.closesAt.getTime()) || input.closesAt <= input.opensAt) throw badInput('The window closes after it opens.', 'closesAt');
  if (input.questions.length === 0 || input.questions.length > 50) throw badInput('One to fifty questions.', 'questions');
  const perAddressLimit = input.perAddressLimit ?? 3;
  if (!Number.isInteger(perAddressLimit) || perAddressLimit < 1 || perAddressLimit > 50) throw badInput('One to fifty answers per address and day.', 'perAddressLimit');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    const survey = tx.create(Survey, { enterprise: org.enterprise.id, organization: org, title, description, audience: input.audience, anonymous: input.anonymous, opensAt: input.opensAt, closesAt: input.closesAt, resultsToRespondents: !!input.resultsToRespondents, perAddressLimit, createdBy: me.userId } as never) as Survey;
    await tx.flush();
    for (const [i, q] of input.questions.entries()) {
      const prompt = plainLine(q.prompt, `questions.${i}.prompt`, 500, true);
      const options = (q.options ?? []).map((o, k) => plainLine(o, `questions.${i}.options.${k}`, 200, true));
      const choice = q.kind === SurveyQuestionKind.SINGLE || q.kind === SurveyQuestionKind.MULTIPLE;
      if (choice && (options.length < 2 || options.length > 20)) throw badInput('A choice question has 2 to 20 options.', `questions.${i}.options`);
      if (!choice && options.length) throw badInput('Only choice questions have options.', `questions.${i}.options`);
      tx.create(SurveyQuestion, { enterprise: org.enterprise.id, survey, position: i + 1, kind: q.kind, prompt, options, required: q.required ?? true } as never);
    }
    await tx.flush();
    return survey;
  });
}

export interface AnswerInput {
  questionId: number;
  choices?: number[] | null;
  rating?: number | null;
  text?: string | null;
}

/** Who answers, as the survey sees them: a member of its audience, an account (public), or a visitor (anonymous public). */
type Respondent = { kind: 'member'; memberId: number } | { kind: 'user'; userId: number } | { kind: 'visitor' };

/** What a visitor sends with an anonymous public survey: the form's one-time token. */
export interface VisitorProof {
  token: string | null;
}

export async function answerSurvey(em: EntityManager, actor: Actor, surveyId: number, answers: readonly AnswerInput[], proof: VisitorProof = { token: null }): Promise<Survey> {
  try {
    return await em.transactional(async (tx) => {
      const access = surveyReadFilter(actor);
      const survey = access ? await tx.findOne(Survey, { $and: [{ id: surveyId }, access] }) : null;
      if (!survey) throw new AppError(ErrorCode.NOT_FOUND, 'The survey does not exist.');
      const respondent = await respondentOf(tx, actor, survey);
      const now = new Date();
      if (now < survey.opensAt || now >= survey.closesAt) throw ruleRefusal('问卷不在开放时间内。', 'surveys.window', SOURCE);
      const clean = await checkedAnswers(tx, survey, answers);
      const e = survey.enterprise.id;
      if (respondent.kind === 'member') tx.create(SurveyReceipt, { enterprise: e, survey, member: respondent.memberId } as never);
      else if (respondent.kind === 'user') tx.create(SurveyUserReceipt, { enterprise: e, survey, user: respondent.userId } as never);
      else await admitVisitor(tx, actor, survey, proof, now);
      await tx.flush();
      tx.create(SurveyResponse, {
        enterprise: e,
        survey,
        member: !survey.anonymous && respondent.kind === 'member' ? respondent.memberId : null,
        user: !survey.anonymous && respondent.kind === 'user' ? respondent.userId : null,
        answers: clean,
      } as never);
      await tx.flush();
      return survey;
    });
  } catch (error) {
    if (uniqueViolation(error, 'survey_receipt_pkey') || uniqueViolation(error, 'survey_user_receipt_pkey')) throw ruleRefusal('每人只能作答一次。', 'surveys.oneAnswer', SOURCE);
    if (uniqueViolation(error, 'survey_token_use_pkey')) throw ruleRefusal('此问卷表单已提交过，请刷新页面后再作答。', 'surveys.formToken', PUBLIC_SOURCE);
    throw error;
  }
}

async function respondentOf(tx: EntityManager, actor: Actor, survey: Survey): Promise<Respondent> {
  if (survey.audience === SurveyAudience.PUBLIC) {
    if (actor.viewer.kind === 'user') return { kind: 'user', userId: actor.viewer.userId };
    if (actor.viewer.kind === 'anonymous' && survey.anonymous) return { kind: 'visitor' };
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to answer this survey (it is named: one answer per account).');
  }
  const me = requireUser(actor.viewer);
  const [member] = await tx.execute<{ id: number }[]>(
    `select m.id from member m join organization mo on mo.id = m.organization_id join survey s on s.id = ? where m.user_id = ? and m.status = 'NORMAL' and (${AUDIENCE('s')}) limit 1`,
    [survey.id, me.userId],
  );
  if (!member) throw forbidden('The survey is for other members.');
  return { kind: 'member', memberId: member.id };
}

/**
 * A visitor's answer to an anonymous public survey: the form's token must be the server's, fresh
 * and unused (it is used up here), and the address within the survey's budget for the day.
 */
async function admitVisitor(tx: EntityManager, actor: Actor, survey: Survey, proof: VisitorProof, now: Date): Promise<void> {
  const nonce = verifyFormToken(tx, survey.id, proof.token, now);
  if (!nonce) throw ruleRefusal('表单已失效，请刷新页面后再作答。', 'surveys.formToken', PUBLIC_SOURCE);
  tx.create(SurveyTokenUse, { enterprise: survey.enterprise.id, survey, nonce } as never);
  const ip = actor.viewer.kind === 'anonymous' ? actor.viewer.ip : null;
  const [row] = await tx.execute<{ answers: number }[]>(
    `insert into survey_guest_budget (enterprise_id, survey_id, address_hash, day, answers) values (?, ?, ?, ?, 1)
     on conflict (enterprise_id, survey_id, address_hash, day) do update set answers = survey_guest_budget.answers + 1 returning answers`,
    [survey.enterprise.id, survey.id, keysFor(tx).hash(`survey-address:${survey.id}:${ip ?? 'unknown'}`), chinaToday(now)],
  );
  if (row!.answers > survey.perAddressLimit) throw ruleRefusal(`同一网络地址每天最多提交${survey.perAddressLimit}份答卷。`, 'surveys.addressBudget', PUBLIC_SOURCE);
}

const TOKEN_MS = 2 * 3600_000;

/** A one-time token for a visitor's form: nonce, expiry, and a keyed hash binding both to the survey. */
export function issueFormToken(em: EntityManager, surveyId: number, now = new Date()): string {
  const nonce = randomBytes(12).toString('base64url');
  const expires = String(now.getTime() + TOKEN_MS);
  return `${nonce}.${expires}.${keysFor(em).hash(`survey-form:${surveyId}:${nonce}:${expires}`)}`;
}

/** The token's nonce if the server issued it for this survey and it has not expired; null otherwise. */
function verifyFormToken(em: EntityManager, surveyId: number, token: string | null, now: Date): string | null {
  const [nonce, expires, mac] = (token ?? '').split('.');
  if (!nonce || !expires || !mac || !/^[\w-]{16}$/.test(nonce) || Number(expires) < now.getTime()) return null;
  const expected = keysFor(em).hash(`survey-form:${surveyId}:${nonce}:${expires}`);
  return mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) ? nonce : null;
}

/** Every question answered as its kind allows (required ones present); texts cleaned. */
async function checkedAnswers(tx: EntityManager, survey: Survey, answers: readonly AnswerInput[]): Promise<SurveyResponse['answers']> {
  const questions = await tx.find(SurveyQuestion, { survey: survey.id }, { orderBy: { position: 'asc' } });
  const given = new Map(answers.map((a) => [a.questionId, a]));
  const clean: SurveyResponse['answers'] = {};
  for (const q of questions) {
    const a = given.get(q.id);
    const field = `answers.${q.position}`;
    const empty = !a || ((a.choices ?? []).length === 0 && a.rating == null && !(a.text ?? '').trim());
    if (empty) {
      if (q.required) throw badInput(`第${q.position}题为必答题。`, field);
      continue;
    }
    if (q.kind === SurveyQuestionKind.SINGLE || q.kind === SurveyQuestionKind.MULTIPLE) {
      const choices = [...new Set(a!.choices ?? [])];
      if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length) || (q.kind === SurveyQuestionKind.SINGLE && choices.length !== 1)) throw badInput(q.kind === SurveyQuestionKind.SINGLE ? 'One of the options.' : 'Options of the question.', field);
      clean[q.id] = { choices: choices.sort((x, y) => x - y) };
    } else if (q.kind === SurveyQuestionKind.RATING) {
      if (!Number.isInteger(a!.rating) || a!.rating! < 1 || a!.rating! > 5) throw badInput('A rating from 1 to 5.', field);
      clean[q.id] = { rating: a!.rating! };
    } else {
      // Visitors' texts lose their links: a public form is never a spam relay.
      clean[q.id] = { text: plainText(a!.text, field, 1000, true).replace(LINK, '[链接已移除]') };
    }
  }
  return clean;
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

/** The owner publishes a public survey's results on its portal. */
export async function publishResults(em: EntityManager, actor: Actor, surveyId: number, now = new Date()): Promise<Survey> {
  return em.transactional(async (tx) => {
    const survey = await tx.findOne(Survey, surveyId);
    if (!survey) throw new AppError(ErrorCode.NOT_FOUND, 'The survey does not exist.');
    await assertCan(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', survey.organization.id, 'The survey');
    if (survey.audience !== SurveyAudience.PUBLIC) throw badInput('Only a public survey’s results are published on the portal; others go to respondents after the close if chosen.', 'id');
    survey.resultsPublishedAt ??= now;
    await tx.flush();
    return survey;
  });
}

export interface QuestionResult {
  questionId: number;
  position: number;
  kind: SurveyQuestionKind;
  prompt: string;
  options: { label: string; count: number }[];
  ratingAverage: number | null;
  texts: string[];
  answered: number;
}

/** The results: per question, choices counted, ratings averaged, texts listed (never with a name). */
export async function resultsOf(em: EntityManager, survey: Survey): Promise<{ respondents: number; audience: number; questions: QuestionResult[] }> {
  const questions = await em.find(SurveyQuestion, { survey: survey.id }, { orderBy: { position: 'asc' } });
  const responses = await em.find(SurveyResponse, { survey: survey.id });
  const [aud] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from member m join organization mo on mo.id = m.organization_id join survey s on s.id = ? where m.status = 'NORMAL' and (${AUDIENCE('s')})`,
    [survey.id],
  );
  return {
    respondents: responses.length,
    audience: aud?.n ?? 0,
    questions: questions.map((q) => {
      const given = responses.map((r) => r.answers[q.id]).filter((a): a is NonNullable<typeof a> => a !== undefined);
      const ratings = given.map((a) => a.rating).filter((r): r is number => typeof r === 'number');
      return {
        questionId: q.id,
        position: q.position,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((label, i) => ({ label, count: given.filter((a) => a.choices?.includes(i)).length })),
        ratingAverage: ratings.length ? Math.round((ratings.reduce((n, r) => n + r, 0) / ratings.length) * 10) / 10 : null,
        texts: given.map((a) => a.text).filter((t): t is string => !!t),
        answered: given.length,
      };
    }),
  };
}

/** Whether the caller reads the results: its owners always; respondents once it closed, if the owner chose so. */
export async function readsResults(em: EntityManager, actor: Actor, survey: Survey, canManage: boolean): Promise<boolean> {
  if (canManage) return true;
  if (survey.audience === SurveyAudience.PUBLIC && survey.resultsPublishedAt) return true;
  if (!survey.resultsToRespondents || new Date() < survey.closesAt || actor.viewer.kind !== 'user') return false;
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from survey_receipt r join member m on m.id = r.member_id where r.survey_id = ? and m.user_id = ?`, [survey.id, actor.viewer.userId]);
  return (row?.n ?? 0) > 0;
}
