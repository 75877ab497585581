/**
 * 考核 (issue #18 item 1): schemes set up above and assigned below, evidence submitted and scored,
 * diagnoses, the close that freezes a period, and the PDCA of improvement actions. Refusals name
 * their rule; every read goes through `schemeReadFilter` in SQL.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { badInput, notFound } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { chinaDay } from '../../core/metrics.js';
import { metricDefinitions } from '../../core/module.js';
import { sanitiseRichText } from '../content/sanitize.js';
import { User } from '../identity/user.entity.js';
import { checkAttachments } from '../media/attachments.js';
import { ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import {
  AssessmentAssignee,
  AssessmentDiagnosis,
  AssessmentEvidence,
  AssessmentIndicator,
  AssessmentScheme,
  DiagnosisKind,
  ImprovementAction,
  IndicatorMeasure,
  PdcaStage,
  SchemeStatus,
} from './assessment.entity.js';
import { parseAssessmentPeriod, spanOf } from './periods.js';
import { takeDiagnosis } from './scorecard.js';
import { targetsInOrder } from './scoring.js';

export const SOURCE = 'issue #18 §1（必达/挑战目标与PDCA为本平台规则，DOMAIN-RULES §9）';

/** Schemes the caller reads: those its organisations own, and those assessing an organisation it reads. */
export function schemeReadFilter(actor: Actor): FilterQuery<AssessmentScheme> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readAssessments', 'Organization');
  if (orgs === null) return null;
  if (isUnrestricted(orgs)) return {};
  return { $or: [{ organization: orgs }, { assignees: { $some: { organization: orgs } } }] } as FilterQuery<AssessmentScheme>;
}

export async function readableScheme(em: EntityManager, actor: Actor, id: number): Promise<AssessmentScheme> {
  const access = schemeReadFilter(actor);
  const scheme = access ? await em.findOne(AssessmentScheme, { $and: [{ id }, access] } as FilterQuery<AssessmentScheme>) : null;
  if (!scheme) throw notFound('No such assessment scheme.');
  return scheme;
}

/** Whether the caller reads the whole scheme (its owner's readers) or only what concerns its own organisations. */
export const ownsScheme = (em: EntityManager, actor: Actor, scheme: AssessmentScheme, action: 'readAssessments' | 'manageAssessments' = 'readAssessments') =>
  can(em, actor, action, Organization, 'Organization', scheme.organization.id);

export interface IndicatorInput {
  name: string;
  description?: string | null;
  weight: number;
  measure: IndicatorMeasure;
  metricKey?: string | null;
  mustReach: number;
  stretch: number;
}

export interface SchemeInput {
  organizationId: number;
  name: string;
  period: string;
  diagnosisDates?: string[] | null;
  indicators: IndicatorInput[];
  assigneeIds: number[];
}

export async function createScheme(em: EntityManager, actor: Actor, input: SchemeInput): Promise<AssessmentScheme> {
  const me = requireUser(actor.viewer);
  const name = plainLine(input.name, 'name', 200, true);
  const period = parseAssessmentPeriod(input.period);
  const dates = [...new Set(input.diagnosisDates ?? [])].sort();
  if (dates.length > 12) throw badInput('At most twelve diagnosis dates.', 'diagnosisDates');
  for (const d of dates) if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || d < period.startsOn || d > period.endsOn) throw badInput(`A diagnosis date lies within the period (${period.startsOn} to ${period.endsOn}).`, 'diagnosisDates');
  if (input.indicators.length === 0 || input.indicators.length > 30) throw badInput('One to thirty indicators.', 'indicators');
  if (input.assigneeIds.length === 0 || input.assigneeIds.length > 500) throw badInput('Assign it to one to five hundred organisations.', 'assigneeIds');
  const indicators = input.indicators.map((i, n) => {
    const field = `indicators.${n}`;
    if (!Number.isInteger(i.weight) || i.weight < 1 || i.weight > 100) throw badInput('A weight is a whole number from 1 to 100.', `${field}.weight`);
    if (!Number.isFinite(i.mustReach) || !Number.isFinite(i.stretch)) throw badInput('Targets are numbers.', `${field}.mustReach`);
    let higher = true;
    if (i.measure === IndicatorMeasure.METRIC) {
      const metric = metricDefinitions().get(i.metricKey ?? '');
      if (!metric) throw badInput(`No metric ${i.metricKey ?? '(none)'} is measured on this platform (assessmentMetrics lists them).`, `${field}.metricKey`);
      higher = metric.higherIsBetter;
      if (metric.unit === 'PERCENT' && [i.mustReach, i.stretch].some((v) => v < 0 || v > 100)) throw badInput('A percentage target lies between 0 and 100.', `${field}.mustReach`);
    } else {
      if (i.metricKey) throw badInput('An evidence indicator has no metric.', `${field}.metricKey`);
      if ([i.mustReach, i.stretch].some((v) => v < 0 || v > 100)) throw badInput('Evidence is scored 0 to 100: its targets lie within.', `${field}.mustReach`);
    }
    if (i.mustReach < 0 || i.stretch < 0) throw badInput('Targets are not negative.', `${field}.mustReach`);
    if (!targetsInOrder({ mustReach: i.mustReach, stretch: i.stretch, higherIsBetter: higher })) {
      throw ruleRefusal(`The stretch target (挑战目标) of “${i.name}” must lie beyond its must-reach target (必达目标).`, 'assessment.targetsOrder', SOURCE);
    }
    return { name: plainLine(i.name, `${field}.name`, 200, true), description: plainText(i.description, `${field}.description`, 1000), weight: i.weight, measure: i.measure, metricKey: i.measure === IndicatorMeasure.METRIC ? i.metricKey! : null, mustReach: i.mustReach, stretch: i.stretch };
  });
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageAssessments', Organization, 'Organization', input.organizationId, 'The organisation');
    const owner = await tx.findOneOrFail(Organization, input.organizationId);
    const assessed = await tx.find(Organization, { id: { $in: [...new Set(input.assigneeIds)] }, enterprise: owner.enterprise.id, archivedAt: null });
    if (assessed.length !== new Set(input.assigneeIds).size || assessed.some((o) => o.id === owner.id || !o.path.startsWith(owner.path))) {
      throw ruleRefusal('A scheme assesses organisations below the one that sets it.', 'assessment.assigneesBelow', SOURCE);
    }
    const scheme = tx.create(AssessmentScheme, {
      enterprise: owner.enterprise.id, organization: owner, name, period: period.key, periodKind: period.kind, startsOn: period.startsOn, endsOn: period.endsOn, diagnosisDates: dates, createdBy: me.userId,
    } as never) as AssessmentScheme;
    await tx.flush();
    indicators.forEach((i, n) => tx.create(AssessmentIndicator, { enterprise: owner.enterprise.id, scheme, position: n + 1, ...i } as never));
    for (const o of assessed) tx.create(AssessmentAssignee, { enterprise: owner.enterprise.id, scheme, organization: o } as never);
    await tx.flush();
    return scheme;
  });
}

async function activeScheme(tx: EntityManager, id: number): Promise<AssessmentScheme> {
  const scheme = await tx.findOneOrFail(AssessmentScheme, id, { lockMode: undefined });
  if (scheme.status === SchemeStatus.CLOSED) throw ruleRefusal('The period is closed: its results are frozen.', 'assessment.closed', SOURCE);
  return scheme;
}

export interface EvidenceInput {
  schemeId: number;
  organizationId: number;
  indicatorId: number;
  body: string;
  fileIds?: string[] | null;
}

/** The assessed organisation's admins submit (or replace, until it is scored) the evidence for an indicator. */
export async function submitEvidence(em: EntityManager, actor: Actor, input: EvidenceInput, now = new Date()): Promise<AssessmentEvidence> {
  const me = requireUser(actor.viewer);
  const body = sanitiseRichText(input.body).html;
  if (!body.trim()) throw badInput('Describe the evidence.', 'body');
  if (body.length > 50_000) throw badInput('At most 50,000 characters.', 'body');
  return em.transactional(async (tx) => {
    await readableScheme(tx, actor, input.schemeId);
    await assertCan(tx, actor, 'manageAssessments', Organization, 'Organization', input.organizationId, 'The organisation');
    const scheme = await activeScheme(tx, input.schemeId);
    if (chinaDay(now) < scheme.startsOn) throw ruleRefusal('Evidence is submitted once the period has begun.', 'assessment.notStarted', SOURCE);
    const assignee = await tx.findOne(AssessmentAssignee, { scheme, organization: input.organizationId });
    const indicator = await tx.findOne(AssessmentIndicator, { id: input.indicatorId, scheme });
    if (!assignee) throw badInput('That organisation is not assessed under this scheme.', 'organizationId');
    if (!indicator || indicator.measure !== IndicatorMeasure.EVIDENCE) throw badInput('Evidence is submitted for an evidence indicator of the scheme.', 'indicatorId');
    const files = await checkAttachments(tx, actor, scheme.enterprise.id, input.fileIds, 20);
    const existing = await tx.findOne(AssessmentEvidence, { assignee, indicator });
    if (existing?.score !== null && existing?.score !== undefined) throw ruleRefusal('The evidence is already scored; it can no longer be changed.', 'assessment.evidenceScored', SOURCE);
    if (existing) Object.assign(existing, { body, files, submittedBy: tx.getReference(User, me.userId), submittedAt: now });
    const evidence = existing ?? (tx.create(AssessmentEvidence, { enterprise: scheme.enterprise.id, assignee, indicator, body, files, submittedBy: me.userId, submittedAt: now } as never) as AssessmentEvidence);
    try {
      await tx.flush();
    } catch (error) {
      if (uniqueViolation(error, 'assessment_evidence_unique')) throw ruleRefusal('The evidence was submitted at the same moment by someone else; reload.', 'assessment.evidenceOnce', SOURCE);
      throw error;
    }
    return evidence;
  });
}

/** The assessors (the owner's admins) score evidence from 0 to 100 — never their own submission. */
export async function scoreEvidence(em: EntityManager, actor: Actor, evidenceId: number, score: number, note: string | null | undefined, now = new Date()): Promise<AssessmentEvidence> {
  const me = requireUser(actor.viewer);
  if (!Number.isFinite(score) || score < 0 || score > 100) throw badInput('A score from 0 to 100.', 'score');
  const scoreNote = plainText(note, 'note', 1000) || null;
  return em.transactional(async (tx) => {
    const evidence = await tx.findOne(AssessmentEvidence, evidenceId, { populate: ['assignee'] });
    if (!evidence) throw notFound('No such evidence.');
    const scheme = await readableScheme(tx, actor, evidence.assignee.$.scheme.id);
    await assertCan(tx, actor, 'manageAssessments', Organization, 'Organization', scheme.organization.id, 'The assessing organisation');
    await activeScheme(tx, scheme.id);
    if (evidence.submittedBy?.id === me.userId) throw ruleRefusal('Whoever submitted evidence does not score it.', 'assessment.selfScoring', SOURCE);
    Object.assign(evidence, { score: Math.round(score * 10) / 10, scoreNote, scoredBy: tx.getReference(User, me.userId), scoredAt: now });
    await tx.flush();
    return evidence;
  });
}

/** A diagnosis on demand (the owner's admins): stored as it is found, like the scheduled ones. */
export async function diagnoseNow(em: EntityManager, actor: Actor, schemeId: number, now = new Date()): Promise<AssessmentDiagnosis> {
  return em.transactional(async (tx) => {
    const scheme = await readableScheme(tx, actor, schemeId);
    await assertCan(tx, actor, 'manageAssessments', Organization, 'Organization', scheme.organization.id, 'The assessing organisation');
    await activeScheme(tx, scheme.id);
    const today = chinaDay(now);
    if (today < scheme.startsOn) throw ruleRefusal('A diagnosis is taken once the period has begun.', 'assessment.notStarted', SOURCE);
    return (await takeDiagnosis(tx, scheme, DiagnosisKind.MANUAL, today > scheme.endsOn ? scheme.endsOn : today, now)).diagnosis;
  });
}

/**
 * Closes a period (the owner's admins), once it is over and every submitted evidence is scored:
 * the final diagnosis is taken over the whole period and frozen — later data changes alter nothing.
 */
export async function closeScheme(em: EntityManager, actor: Actor, schemeId: number, now = new Date()): Promise<AssessmentScheme> {
  return em.transactional(async (tx) => {
    const scheme = await readableScheme(tx, actor, schemeId);
    await assertCan(tx, actor, 'manageAssessments', Organization, 'Organization', scheme.organization.id, 'The assessing organisation');
    // Lock the scheme: two closes at once take one final diagnosis.
    await tx.getConnection().execute(`select id from assessment_scheme where id = ? for update`, [scheme.id], 'all', tx.getTransactionContext());
    await tx.refresh(scheme);
    await activeScheme(tx, scheme.id);
    if (spanOf(scheme).to > now) throw ruleRefusal(`The period runs until ${scheme.endsOn}; it is closed after its last day.`, 'assessment.periodNotOver', SOURCE);
    const unscored = await tx.count(AssessmentEvidence, { assignee: { scheme }, score: null });
    if (unscored > 0) throw ruleRefusal(`${unscored} submitted evidence still await a score.`, 'assessment.unscoredEvidence', SOURCE);
    await takeDiagnosis(tx, scheme, DiagnosisKind.FINAL, scheme.endsOn, now);
    scheme.status = SchemeStatus.CLOSED;
    scheme.closedAt = now;
    await tx.flush();
    return scheme;
  });
}

export interface ActionInput {
  stage?: PdcaStage | null;
  plan?: string | null;
  owner?: string | null;
  dueOn?: string | null;
  done?: string | null;
  result?: string | null;
}

const NEXT: Record<string, PdcaStage | null> = { PLAN: 'DO', DO: 'CHECK', CHECK: 'ACT', ACT: 'CLOSED', CLOSED: null };

/**
 * Runs an improvement action through PDCA (the assessed organisation's admins, or the assessors):
 * a stage moves one step forward, and only with what it needs — a plan with an owner and a due
 * date to start doing; what was done to be checked; the next period's check to act on; a result to close.
 */
export async function updateAction(em: EntityManager, actor: Actor, id: number, input: ActionInput, now = new Date()): Promise<ImprovementAction> {
  return em.transactional(async (tx) => {
    const action = await tx.findOne(ImprovementAction, id, { populate: ['assignee'] });
    if (!action) throw notFound('No such improvement action.');
    const scheme = await readableScheme(tx, actor, action.assignee.$.scheme.id);
    const mayRun = (await can(tx, actor, 'manageAssessments', Organization, 'Organization', action.organization.id)) || (await ownsScheme(tx, actor, scheme, 'manageAssessments'));
    if (!mayRun) throw notFound('No such improvement action.');
    if (action.stage === PdcaStage.CLOSED) throw ruleRefusal('The action is closed.', 'assessment.actionClosed', SOURCE);
    if (input.plan !== undefined && input.plan !== null) action.plan = plainText(input.plan, 'plan', 2000) || null;
    if (input.owner !== undefined && input.owner !== null) action.owner = plainLine(input.owner, 'owner', 80) || null;
    if (input.dueOn !== undefined && input.dueOn !== null) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) || Number.isNaN(Date.parse(input.dueOn))) throw badInput('A date like 2027-03-31.', 'dueOn');
      action.dueOn = input.dueOn;
    }
    if (input.done !== undefined && input.done !== null) action.done = plainText(input.done, 'done', 2000) || null;
    if (input.result !== undefined && input.result !== null) action.result = plainText(input.result, 'result', 2000) || null;
    if (input.stage && input.stage !== action.stage) {
      if (NEXT[action.stage] !== input.stage) throw ruleRefusal(`An action moves one step at a time: after ${action.stage} comes ${NEXT[action.stage]}.`, 'assessment.pdcaOrder', SOURCE);
      if (input.stage === PdcaStage.DO && !(action.plan && action.owner && action.dueOn)) throw ruleRefusal('Plan first: the measures, who answers for them and by when.', 'assessment.planNeeded', SOURCE);
      if (input.stage === PdcaStage.CHECK && !action.done) throw ruleRefusal('Say what was done before it is checked.', 'assessment.doneNeeded', SOURCE);
      if (input.stage === PdcaStage.ACT && action.checkMet === null) throw ruleRefusal('The check is the next period’s diagnosis of the same indicator; it has not measured this yet.', 'assessment.checkPending', SOURCE);
      if (input.stage === PdcaStage.CLOSED && !action.result) throw ruleRefusal('Record the result — what becomes practice, or what carries over — to close.', 'assessment.resultNeeded', SOURCE);
      action.stage = input.stage;
      if (input.stage === PdcaStage.CLOSED) action.closedAt = now;
    }
    action.updatedAt = now;
    await tx.flush();
    return action;
  });
}
