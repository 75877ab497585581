/**
 * Assessment in GraphQL. A scheme is read under `schemeReadFilter` (SQL); within it, the owner's
 * readers see every scorecard and standing, an assessed organisation's readers their own only —
 * with its place among the peers, never the peers' figures.
 */
import { Arg, Ctx, Float, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { can } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { chinaDay } from '../../core/metrics.js';
import { metricDefinitions } from '../../core/module.js';
import { attachmentsOf } from '../media/attachments.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import {
  AssessmentDiagnosis,
  AssessmentEvidence,
  AssessmentIndicator,
  AssessmentScheme,
  AssessmentScore,
  AssessmentStanding,
  DiagnosisKind,
  ImprovementAction,
  PdcaStage,
  SchemeStatus,
} from './assessment.entity.js';
import { closeScheme, createScheme, diagnoseNow, readableScheme, schemeReadFilter, scoreEvidence, submitEvidence, updateAction } from './assessment.service.js';
import {
  AssessmentDiagnosisPayload,
  AssessmentDiagnosisType,
  AssessmentEvidenceInput,
  AssessmentEvidencePayload,
  AssessmentEvidenceType,
  AssessmentIndicatorType,
  AssessmentMetricType,
  AssessmentSchemeConnection,
  AssessmentSchemeInput,
  AssessmentSchemeNode,
  AssessmentSchemePayload,
  ImprovementActionInput,
  ImprovementActionPayload,
  ImprovementActionType,
  ScorecardType,
} from './assessment.types.js';
import { computeScorecards, storedScorecards, type Scorecard } from './scorecard.js';
import { ScoreLevel } from './scoring.js';

const metricOut = (key: string): AssessmentMetricType | null => {
  const m = metricDefinitions().get(key);
  return m ? { key: m.key, label: m.label, unit: m.unit, definition: m.definition, higherIsBetter: m.higherIsBetter } : null;
};
const indicatorOut = (i: AssessmentIndicator): AssessmentIndicatorType => ({
  id: toGlobalId('AssessmentIndicator', i.id),
  position: i.position,
  name: i.name,
  description: i.description,
  weight: i.weight,
  measure: i.measure,
  metricKey: i.metricKey,
  metric: i.metricKey ? metricOut(i.metricKey) : null,
  mustReach: i.mustReach,
  stretch: i.stretch,
});

async function evidenceOut(ctx: Context, e: AssessmentEvidence): Promise<AssessmentEvidenceType> {
  return { id: toGlobalId('AssessmentEvidence', e.id), body: e.body, files: await attachmentsOf(ctx, e.files), submittedAt: e.submittedAt, score: e.score, scoreNote: e.scoreNote, scoredAt: e.scoredAt };
}

async function actionOut(ctx: Context, action: ImprovementAction): Promise<ImprovementActionType> {
  const a = await ctx.em.populate(action, ['assignee.scheme', 'indicator', 'checkedIn']);
  const scheme = a.assignee.$.scheme.$;
  return {
    id: toGlobalId('ImprovementAction', a.id),
    organization: await organizationById(ctx).load(a.organization.id),
    schemeName: scheme.name,
    schemePeriod: scheme.period,
    indicatorName: a.indicator.$.name,
    problem: a.problem,
    stage: a.stage,
    plan: a.plan,
    owner: a.owner,
    dueOn: a.dueOn,
    done: a.done,
    checkValue: a.checkValue,
    checkMet: a.checkMet,
    checkedInPeriod: a.checkedIn ? a.checkedIn.$.period : null,
    result: a.result,
    overdue: a.dueOn !== null && (a.stage === PdcaStage.PLAN || a.stage === PdcaStage.DO) && a.dueOn < chinaDay(new Date()),
    openedAt: a.openedAt,
    updatedAt: a.updatedAt,
    closedAt: a.closedAt,
  };
}

const readsAssessmentsOf = defineLoader<number, boolean>((ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'readAssessments', Organization, 'Organization', id))));
const managesAssessmentsOf = defineLoader<number, boolean>((ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'manageAssessments', Organization, 'Organization', id))));

const schemeById = defineLoader<number, AssessmentScheme | null>(async (ctx, ids) => {
  const access = schemeReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(AssessmentScheme, { $and: [{ id: { $in: [...ids] } }, access] } as FilterQuery<AssessmentScheme>), (s) => s.id) : ids.map(() => null);
});
registerNodeType({ typeName: 'AssessmentScheme', entity: AssessmentScheme, load: (ctx, id) => schemeById(ctx).load(id) });

/** Every scorecard of a scheme once per request: the frozen final diagnosis of a closed one, else live as of today. */
const scorecardsOf = defineLoader<number, Scorecard[]>(async (ctx, ids) =>
  Promise.all(
    ids.map(async (id) => {
      const scheme = await ctx.em.findOneOrFail(AssessmentScheme, id);
      if (scheme.status === SchemeStatus.CLOSED) {
        const final = await ctx.em.findOne(AssessmentDiagnosis, { scheme, kind: DiagnosisKind.FINAL });
        if (final) return storedScorecards(ctx.em, final);
      }
      const today = chinaDay(new Date());
      return computeScorecards(ctx.em, scheme, today < scheme.startsOn ? scheme.startsOn : today > scheme.endsOn ? scheme.endsOn : today, new Date());
    }),
  ),
);

/** A scheme's evidence and improvement actions, once per request (two statements for any number of scorecards). */
const recordsOf = defineLoader<number, { evidence: AssessmentEvidence[]; actions: ImprovementAction[] }>((ctx, ids) =>
  Promise.all(
    ids.map(async (id) => ({
      evidence: await ctx.em.find(AssessmentEvidence, { assignee: { scheme: id } }),
      actions: await ctx.em.find(ImprovementAction, { assignee: { scheme: id } }, { orderBy: { id: 'asc' }, populate: ['assignee.scheme', 'indicator', 'checkedIn'] }),
    })),
  ),
);

/** The cards the caller may see: all for the owner's readers, otherwise those of organisations it reads. */
async function visibleCards(ctx: Context, scheme: AssessmentScheme): Promise<Scorecard[]> {
  const cards = await scorecardsOf(ctx).load(scheme.id);
  if (await readsAssessmentsOf(ctx).load(scheme.organization.id)) return cards;
  const mine = await Promise.all(cards.map((c) => readsAssessmentsOf(ctx).load(c.organization.id)));
  return cards.filter((_, n) => mine[n]);
}

@Resolver(() => AssessmentSchemeNode)
export class AssessmentSchemeResolver {
  @FieldResolver(() => ID)
  id(@Root() s: AssessmentScheme): string {
    return toGlobalId('AssessmentScheme', s.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The assessing organisation.' })
  organization(@Root() s: AssessmentScheme, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(s.organization.id);
  }

  @FieldResolver(() => [AssessmentIndicatorType], { description: 'Its indicators, in order.' })
  async indicators(@Root() s: AssessmentScheme, @Ctx() ctx: Context): Promise<AssessmentIndicatorType[]> {
    return (await ctx.em.find(AssessmentIndicator, { scheme: s }, { orderBy: { position: 'asc' } })).map(indicatorOut);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you assess under it (the assessing organisation’s admins).' })
  canManage(@Root() s: AssessmentScheme, @Ctx() ctx: Context): Promise<boolean> {
    return managesAssessmentsOf(ctx).load(s.organization.id);
  }

  @FieldResolver(() => [ScorecardType], { description: 'The scorecards you may see, best first: every one for the assessing organisation’s readers, your own otherwise.' })
  async scorecards(@Root() s: AssessmentScheme, @Ctx() ctx: Context): Promise<ScorecardType[]> {
    const cards = await visibleCards(ctx, s);
    const sorted = [...cards].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.organization.id - b.organization.id);
    return Promise.all(sorted.map((c) => this.cardOut(ctx, s, c)));
  }

  @FieldResolver(() => ScorecardType, { nullable: true, description: 'One assessed organisation’s scorecard, if you may see it.' })
  async scorecard(@Root() s: AssessmentScheme, @Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<ScorecardType | null> {
    const id = expectGlobalId(organizationId, 'Organization', 'organizationId');
    const card = (await visibleCards(ctx, s)).find((c) => c.organization.id === id);
    return card ? this.cardOut(ctx, s, card) : null;
  }

  @FieldResolver(() => [AssessmentDiagnosisType], { description: 'The diagnoses taken, newest first.' })
  async diagnoses(@Root() s: AssessmentScheme, @Ctx() ctx: Context): Promise<AssessmentDiagnosisType[]> {
    const diagnoses = await ctx.em.find(AssessmentDiagnosis, { scheme: s }, { orderBy: { takenAt: 'desc', id: 'desc' } });
    if (diagnoses.length === 0) return [];
    const visible = new Set((await visibleCards(ctx, s)).map((c) => c.assignee.id));
    const [standings, missed] = await Promise.all([
      ctx.em.find(AssessmentStanding, { diagnosis: { $in: diagnoses.map((d) => d.id) } }, { populate: ['assignee.organization'] }),
      ctx.em.find(AssessmentScore, { diagnosis: { $in: diagnoses.map((d) => d.id) }, level: ScoreLevel.MISSED }),
    ]);
    return diagnoses.map((d) => ({
      id: toGlobalId('AssessmentDiagnosis', d.id),
      kind: d.kind,
      asOf: d.asOf,
      takenAt: d.takenAt,
      standings: standings
        .filter((x) => x.diagnosis.id === d.id && visible.has(x.assignee.id))
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
        .map((x) => ({
          organizationId: toGlobalId('Organization', x.assignee.$.organization.id),
          organizationName: x.assignee.$.organization.$.name,
          total: x.total,
          rank: x.rank,
          missed: missed.filter((m) => m.diagnosis.id === d.id && m.assignee.id === x.assignee.id).length,
        })),
    }));
  }

  private async cardOut(ctx: Context, scheme: AssessmentScheme, card: Scorecard): Promise<ScorecardType> {
    const all = await recordsOf(ctx).load(scheme.id);
    const evidence = all.evidence.filter((e) => e.assignee.id === card.assignee.id);
    const actions = all.actions.filter((a) => a.assignee.id === card.assignee.id);
    return {
      organization: await organizationById(ctx).load(card.organization.id),
      organizationId: toGlobalId('Organization', card.organization.id),
      organizationName: card.organization.name,
      total: card.total,
      rank: card.rank,
      peers: card.peers,
      asOf: card.asOf,
      frozen: card.diagnosis?.kind === DiagnosisKind.FINAL,
      rows: await Promise.all(
        card.rows.map(async (r) => {
          const e = evidence.find((x) => x.indicator.id === r.indicator.id);
          return { indicator: indicatorOut(r.indicator), value: r.value, score: r.score, level: r.level, evidence: e ? await evidenceOut(ctx, e) : null };
        }),
      ),
      actions: await Promise.all(actions.map((a) => actionOut(ctx, a))),
      canSubmitEvidence: scheme.status === SchemeStatus.ACTIVE && (await managesAssessmentsOf(ctx).load(card.organization.id)),
    };
  }

  @Query(() => AssessmentSchemeConnection, { description: 'Assessment schemes you own or are assessed under, newest first.' })
  assessmentSchemes(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<AssessmentScheme>> {
    return listById(ctx.em, AssessmentScheme, schemeReadFilter(ctx), { first, after, order: 'desc' });
  }

  @Query(() => [AssessmentMetricType], { description: 'The figures the platform measures, for METRIC indicators.' })
  assessmentMetrics(): AssessmentMetricType[] {
    return [...metricDefinitions().keys()].sort().map((k) => metricOut(k)!);
  }

  @Query(() => [ImprovementActionType], { description: 'Improvement actions of the organisations whose assessments you read, oldest first.' })
  async improvementActions(@Arg('open', () => Boolean, { nullable: true, description: 'Only those not yet closed.' }) open: boolean | null, @Ctx() ctx: Context): Promise<ImprovementActionType[]> {
    const orgs = accessibleWhere<Organization>(ctx.ability, 'readAssessments', 'Organization');
    if (orgs === null) return [];
    const where = { ...(isUnrestricted(orgs) ? {} : { organization: orgs }), ...(open ? { stage: { $ne: PdcaStage.CLOSED } } : {}) } as FilterQuery<ImprovementAction>;
    const actions = await ctx.em.find(ImprovementAction, where, { orderBy: { openedAt: 'asc', id: 'asc' }, limit: 200, populate: ['assignee.scheme', 'indicator', 'checkedIn'] });
    return Promise.all(actions.map((a) => actionOut(ctx, a)));
  }

  @Mutation(() => AssessmentSchemePayload, { description: 'Sets up a scheme and assigns it (the assessing organisation’s admins).' })
  assessmentSchemeCreate(@Arg('input') input: AssessmentSchemeInput, @Ctx() ctx: Context): Promise<AssessmentSchemePayload> {
    return mutate(async () => ({
      scheme: await createScheme(ctx.em, ctx, {
        ...input,
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        assigneeIds: input.assigneeIds.map((id) => expectGlobalId(id, 'Organization', 'assigneeIds')),
      }),
    }));
  }

  @Mutation(() => AssessmentEvidencePayload, { description: 'Submits (or replaces, until scored) evidence for an indicator (the assessed organisation’s admins).' })
  assessmentEvidenceSubmit(@Arg('input') input: AssessmentEvidenceInput, @Ctx() ctx: Context): Promise<AssessmentEvidencePayload> {
    return mutate(async () => {
      const fileIds = (input.fileIds ?? []).map((id) => String(expectGlobalId(id, 'MediaFile', 'fileIds')));
      const evidence = await submitEvidence(ctx.em, ctx, {
        schemeId: expectGlobalId(input.schemeId, 'AssessmentScheme', 'schemeId'),
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        indicatorId: expectGlobalId(input.indicatorId, 'AssessmentIndicator', 'indicatorId'),
        body: input.body,
        fileIds,
      });
      return { evidence: await evidenceOut(ctx, evidence) };
    });
  }

  @Mutation(() => AssessmentEvidencePayload, { description: 'Scores evidence from 0 to 100 (the assessors; never one’s own submission).' })
  assessmentEvidenceScore(
    @Arg('id', () => ID) id: string,
    @Arg('score', () => Float, { description: 'The score, 0–100.' }) score: number,
    @Arg('note', () => String, { description: 'A note with the score.', nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssessmentEvidencePayload> {
    return mutate(async () => ({ evidence: await evidenceOut(ctx, await scoreEvidence(ctx.em, ctx, expectGlobalId(id, 'AssessmentEvidence'), score, note)) }));
  }

  @Mutation(() => AssessmentDiagnosisPayload, { description: 'Takes a diagnosis now (the assessors): scores kept as found; missed must-reach targets open improvement actions.' })
  assessmentDiagnose(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssessmentDiagnosisPayload> {
    return mutate(async () => {
      const diagnosis = await diagnoseNow(ctx.em, ctx, expectGlobalId(id, 'AssessmentScheme'));
      const scheme = await readableScheme(ctx.em, ctx, diagnosis.scheme.id);
      const [out] = (await new AssessmentSchemeResolver().diagnoses(scheme, ctx)).filter((d) => d.id === toGlobalId('AssessmentDiagnosis', diagnosis.id));
      return { diagnosis: out };
    });
  }

  @Mutation(() => AssessmentSchemePayload, { description: 'Closes a period once it is over and every evidence is scored: the final diagnosis is frozen.' })
  assessmentClose(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssessmentSchemePayload> {
    return mutate(async () => ({ scheme: await closeScheme(ctx.em, ctx, expectGlobalId(id, 'AssessmentScheme')) }));
  }

  @Mutation(() => ImprovementActionPayload, { description: 'Records an improvement action’s plan, work and result, and moves it through PDCA.' })
  improvementActionUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: ImprovementActionInput, @Ctx() ctx: Context): Promise<ImprovementActionPayload> {
    return mutate(async () => {
      if (Object.values(input).every((v) => v === undefined || v === null)) throw badInput('Nothing to change.', 'input');
      return { action: await actionOut(ctx, await updateAction(ctx.em, ctx, expectGlobalId(id, 'ImprovementAction'), input)) };
    });
  }
}
