/**
 * Scorecards: every assessed organisation's indicators measured, scored, totalled and ranked —
 * live while the period runs (one measuring call per metric for all the assessed), or as a
 * diagnosis stored them. A diagnosis keeps what it found, opens an improvement action for every
 * missed must-reach target, and follows up the actions of the period before.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Metric } from '../../core/metrics.js';
import { metricDefinitions } from '../../core/module.js';
import { Organization } from '../organizations/organization.entity.js';
import {
  AssessmentAssignee,
  AssessmentDiagnosis,
  AssessmentEvidence,
  AssessmentIndicator,
  AssessmentScheme,
  AssessmentScore,
  AssessmentStanding,
  DiagnosisKind,
  ImprovementAction,
  IndicatorMeasure,
  PdcaStage,
} from './assessment.entity.js';
import { previousPeriod, spanOf } from './periods.js';
import { rankOf, ScoreLevel, scoreOf, totalOf } from './scoring.js';

export interface ScoreRow {
  indicator: AssessmentIndicator;
  value: number | null;
  score: number | null;
  level: ScoreLevel;
}

export interface Scorecard {
  assignee: AssessmentAssignee;
  organization: Organization;
  rows: ScoreRow[];
  total: number | null;
  rank: number | null;
  /** How many were assessed under the scheme (the peers ranked together). */
  peers: number;
  /** The day the figures speak for. */
  asOf: string;
  /** A stored diagnosis (FINAL: the frozen result of a closed period), or null when computed live. */
  diagnosis: AssessmentDiagnosis | null;
}

export const metricOf = (indicator: AssessmentIndicator): Metric | null => (indicator.metricKey ? (metricDefinitions().get(indicator.metricKey) ?? null) : null);
export const higherIsBetter = (indicator: AssessmentIndicator) => metricOf(indicator)?.higherIsBetter ?? true;

/** Computes every assessed organisation's scorecard as of `asOf` (a day within the period) — nothing stored. */
export async function computeScorecards(em: EntityManager, scheme: AssessmentScheme, asOf: string, now: Date): Promise<Scorecard[]> {
  const [indicators, assignees] = await Promise.all([
    em.find(AssessmentIndicator, { scheme }, { orderBy: { position: 'asc' } }),
    em.find(AssessmentAssignee, { scheme }, { populate: ['organization'], orderBy: { id: 'asc' } }),
  ]);
  const evidence = await em.find(AssessmentEvidence, { assignee: { $in: assignees.map((a) => a.id) } });
  const period = spanOf(scheme);
  const to = new Date(Math.min(period.to.getTime(), spanOf({ startsOn: asOf, endsOn: asOf }).to.getTime()));
  const span = { from: period.from, to, now };
  const scopes = assignees.map((a) => ({ id: a.organization.id, path: a.organization.$.path, enterpriseId: a.enterprise.id }));
  // One measuring call per metric, for all the assessed at once.
  const measured = new Map<string, Map<number, number | null>>();
  for (const key of new Set(indicators.map((i) => i.metricKey).filter((k): k is string => k !== null))) {
    const metric = metricDefinitions().get(key);
    if (metric) measured.set(key, await metric.measure(em, scopes, span));
  }
  const cards = assignees.map((assignee) => {
    const rows = indicators.map((indicator): ScoreRow => {
      if (indicator.measure === IndicatorMeasure.EVIDENCE) {
        const e = evidence.find((x) => x.assignee.id === assignee.id && x.indicator.id === indicator.id);
        // Nothing submitted scores 0; submitted and not yet scored waits for the assessors.
        if (e && e.score === null) return { indicator, value: null, score: null, level: ScoreLevel.NOT_SCORED };
        const value = e?.score ?? 0;
        return { indicator, value, ...scoreOf(value, { mustReach: indicator.mustReach, stretch: indicator.stretch, higherIsBetter: true }) };
      }
      const values = measured.get(indicator.metricKey!);
      if (!values) return { indicator, value: null, score: null, level: ScoreLevel.NO_SOURCE };
      const value = values.get(assignee.organization.id) ?? null;
      return { indicator, value, ...scoreOf(value, { mustReach: indicator.mustReach, stretch: indicator.stretch, higherIsBetter: higherIsBetter(indicator) }) };
    });
    return { assignee, organization: assignee.organization.$, rows, total: totalOf(rows.map((r) => ({ weight: r.indicator.weight, score: r.score }))), rank: null as number | null, peers: assignees.length, asOf, diagnosis: null };
  });
  const ranks = rankOf(new Map(cards.map((c) => [c.assignee.id, c.total])));
  for (const card of cards) card.rank = ranks.get(card.assignee.id) ?? null;
  return cards;
}

/** The scorecards a stored diagnosis kept. */
export async function storedScorecards(em: EntityManager, diagnosis: AssessmentDiagnosis): Promise<Scorecard[]> {
  const [scores, standings, assignees] = await Promise.all([
    em.find(AssessmentScore, { diagnosis }, { populate: ['indicator'] }),
    em.find(AssessmentStanding, { diagnosis }),
    em.find(AssessmentAssignee, { scheme: diagnosis.scheme.id }, { populate: ['organization'], orderBy: { id: 'asc' } }),
  ]);
  return assignees.map((assignee) => {
    const standing = standings.find((s) => s.assignee.id === assignee.id);
    const rows = scores
      .filter((s) => s.assignee.id === assignee.id)
      .map((s) => ({ indicator: s.indicator.$, value: s.value, score: s.score, level: s.level }))
      .sort((a, b) => a.indicator.position - b.indicator.position);
    return { assignee, organization: assignee.organization.$, rows, total: standing?.total ?? null, rank: standing?.rank ?? null, peers: assignees.length, asOf: diagnosis.asOf, diagnosis };
  });
}

const UNIT: Record<string, string> = { PERCENT: '%', HOURS: '学时', COUNT: '', DAYS: '天' };
const shown = (indicator: AssessmentIndicator, v: number) => `${v}${indicator.measure === 'EVIDENCE' ? '分' : (UNIT[metricOf(indicator)?.unit ?? 'COUNT'] ?? '')}`;

/**
 * Takes a diagnosis inside the caller's transaction: stores every scorecard, opens an improvement
 * action for each missed must-reach target (once per assessed organisation and indicator), and
 * records the check of the previous period's actions on the same organisations and indicators.
 */
export async function takeDiagnosis(tx: EntityManager, scheme: AssessmentScheme, kind: DiagnosisKind, asOf: string, now: Date): Promise<{ diagnosis: AssessmentDiagnosis; cards: Scorecard[]; opened: ImprovementAction[] }> {
  const cards = await computeScorecards(tx, scheme, asOf, now);
  const diagnosis = tx.create(AssessmentDiagnosis, { enterprise: scheme.enterprise.id, scheme, kind, asOf, takenAt: now } as never) as AssessmentDiagnosis;
  await tx.flush();
  const existing = await tx.find(ImprovementAction, { assignee: { $in: cards.map((c) => c.assignee.id) } });
  const opened: ImprovementAction[] = [];
  for (const card of cards) {
    tx.create(AssessmentStanding, { enterprise: scheme.enterprise.id, diagnosis, assignee: card.assignee, total: card.total, rank: card.rank } as never);
    for (const row of card.rows) {
      tx.create(AssessmentScore, { enterprise: scheme.enterprise.id, diagnosis, assignee: card.assignee, indicator: row.indicator, value: row.value, score: row.score, level: row.level } as never);
      if (row.level !== ScoreLevel.MISSED) continue;
      if (existing.some((a) => a.assignee.id === card.assignee.id && a.indicator.id === row.indicator.id)) continue;
      opened.push(
        tx.create(ImprovementAction, {
          enterprise: scheme.enterprise.id,
          assignee: card.assignee,
          indicator: row.indicator,
          organization: card.organization,
          openedBy: diagnosis,
          problem: `${row.indicator.name}：${row.value === null ? '无数据' : shown(row.indicator, row.value)}，未达必达目标${shown(row.indicator, row.indicator.mustReach)}（${asOf}诊断）`.slice(0, 500),
        } as never) as ImprovementAction,
      );
    }
  }
  await tx.flush();
  await followUp(tx, scheme, cards);
  return { diagnosis, cards, opened };
}

/**
 * The check (C of PDCA): actions opened in the same owner's scheme for the period before, on the
 * same organisation and the same indicator (by metric, or by name for evidence), get this
 * period's value and whether it now reaches the must-reach target of the original indicator.
 */
async function followUp(tx: EntityManager, scheme: AssessmentScheme, cards: Scorecard[]): Promise<void> {
  const earlier = await tx.find(
    ImprovementAction,
    { organization: { $in: cards.map((c) => c.organization.id) }, stage: { $ne: PdcaStage.CLOSED }, assignee: { scheme: { organization: scheme.organization.id, period: previousPeriod(scheme.period) } } },
    { populate: ['indicator'] },
  );
  for (const action of earlier) {
    const card = cards.find((c) => c.organization.id === action.organization.id);
    const row = card?.rows.find((r) => (action.indicator.$.metricKey ? r.indicator.metricKey === action.indicator.$.metricKey : r.indicator.measure === 'EVIDENCE' && r.indicator.name === action.indicator.$.name));
    if (!row || row.value === null) continue;
    const original = action.indicator.$;
    action.checkValue = row.value;
    action.checkMet = scoreOf(row.value, { mustReach: original.mustReach, stretch: original.stretch, higherIsBetter: higherIsBetter(original) }).level !== ScoreLevel.MISSED;
    action.checkedIn = tx.getReference(AssessmentScheme, scheme.id) as never;
    action.updatedAt = new Date();
  }
  await tx.flush();
}

